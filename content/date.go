package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	dmyRE   = regexp.MustCompile(`^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b`)
	ymdRE   = regexp.MustCompile(`^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])`)
	wordsRE = regexp.MustCompile(`(?i)^\s*(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	// headerDateRE: a place, a comma, the full date in words.
	headerDateRE = regexp.MustCompile(`^\p{Lu}[\p{L} .\-]{1,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$`)
)

// maxDateLine bounds a date line's length in bytes: longer sentences are
// not read for one.
const maxDateLine = 96

// IsDateLine reports whether s is the date line of a legal text's header
// ("Quảng Trị, ngày 20 tháng 7 năm 2019"): the place it was issued in and
// the date in words, alone on the line. A sentence that opens with a date
// ("Ngày 20 tháng 7 năm 2019, HĐND tỉnh họp") is none.
func IsDateLine(s string) bool {
	return len(s) < maxDateLine && strings.Contains(s, "ngày") && headerDateRE.MatchString(s)
}

// isoDate turns a date as written in a header or page ("05/03/2019",
// "5-3-2019", "2019-03-05", "2019-03-05T08:00:00+07:00", "ngày 5 tháng 3
// năm 2019") into YYYY-MM-DD. Vietnamese dates put the day first.
func isoDate(s string) (string, bool) {
	var y, m, d string
	if g := ymdRE.FindStringSubmatch(s); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else if g := dmyRE.FindStringSubmatch(s); g != nil {
		d, m, y = g[1], g[2], g[3]
	} else if g := wordsRE.FindStringSubmatch(s); g != nil {
		d, m, y = g[1], g[2], g[3]
	} else {
		return "", false
	}
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Year() != yi || int(t.Month()) != mi || t.Day() != di {
		return "", false // 31/02 and the like
	}
	return fmt.Sprintf("%04d-%02d-%02d", yi, mi, di), true
}
