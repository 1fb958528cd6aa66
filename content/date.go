package content

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

var (
	dmyRE   = regexp.MustCompile(`^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b`)
	ymdRE   = regexp.MustCompile(`^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])`)
	wordsRE = regexp.MustCompile(`(?i)^\s*(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
)

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
