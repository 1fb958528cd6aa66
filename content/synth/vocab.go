package synth

import (
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kyanhbot/kyanhbot/content"
)

// The vocabulary is the same for every seed: a seed changes which articles
// are written, not the language they are written in, so figures measured on
// different seeds stay comparable.
const vocabSeed = 0x6b79616e68 // "kyanh"

// Sizes of the generated vocabulary. Several thousand distinct syllables
// under a Zipf law is what makes a query select a few passages instead of
// matching every article, as a vocabulary of a few hundred would.
const (
	syllablePool = 5000  // generated syllables
	lexiconSize  = 12000 // words of one to three syllables, ranked by frequency
)

// commonWords head the frequency ranking: real Vietnamese function words and
// the administrative vocabulary every article of a local portal uses. They
// make the top of the Zipf curve look like the real thing.
var commonWords = []string{
	"của", "và", "các", "được", "trong", "có", "là", "những", "cho", "với",
	"đã", "để", "theo", "một", "năm", "đến", "tại", "này", "về", "trên",
	"không", "cũng", "đó", "khi", "sẽ", "người", "thực hiện", "công tác",
	"tổ chức", "cán bộ", "nhân dân", "đơn vị", "bộ máy", "sắp xếp", "chính trị",
	"kinh tế", "xã hội", "phát triển", "nâng cao", "hiệu quả", "chất lượng",
	"triển khai", "địa phương", "cơ sở", "hệ thống", "nhiệm vụ", "giải pháp",
	"kế hoạch", "chỉ đạo", "lãnh đạo", "đảng viên", "hội viên", "tinh gọn",
	"hoạt động", "quản lý", "chính quyền", "đoàn thể", "mặt trận", "ban hành",
	"tiếp tục", "đổi mới", "đồng chí", "cấp ủy", "thường xuyên", "tuyên truyền",
	"vận động", "quy định", "đánh giá", "kết quả", "tập trung", "xây dựng",
	"nông thôn mới", "đô thị", "hộ gia đình", "ngân sách", "đầu tư", "dự án",
	"hạ tầng", "giao thông", "y tế", "giáo dục", "văn hóa", "thể thao",
	"môi trường", "an ninh", "quốc phòng", "trật tự", "thôn", "tổ dân phố",
	"Ủy ban nhân dân", "Hội đồng nhân dân", "Thị ủy", "Đảng ủy", "bí thư",
	"chủ tịch", "phó chủ tịch", "trưởng thôn", "cuộc họp", "hội nghị", "đại hội",
}

// Onsets, rhymes and tones, the three parts of a Vietnamese syllable. Rhymes
// are a vowel nucleus with its coda; the tone mark goes on the nucleus.
var (
	onsets = []string{"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n",
		"ng", "ngh", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"}
	rhymes = []string{
		"a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
		"ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
		"e", "ec", "em", "en", "eng", "eo", "ep", "et", "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
		"i", "ia", "ich", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "im", "in", "inh", "ip", "it", "iu",
		"o", "oa", "oac", "oach", "oai", "oan", "oang", "oanh", "oat", "oay", "oăc", "oăn", "oăng", "oăt",
		"oc", "oe", "oen", "oet", "oi", "om", "on", "ong", "op", "ot",
		"ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
		"u", "ua", "uân", "uâng", "uât", "uây", "uc", "uê", "uênh", "uy", "uyên", "uyêt", "uynh",
		"ui", "um", "un", "ung", "up", "ut", "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
		"ư", "ưa", "ưc", "ưi", "ưng", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", "ưt", "ưu",
	}
	// Combining tone marks: none, sắc, huyền, hỏi, ngã, nặng.
	tones = []string{"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}
)

// excluded are folded syllables the filler text must never use, so that
// random word order cannot write a fact by accident: the merger triggers
// "sáp nhập", "hợp nhất", "giảm từ … còn" and "chuyển đổi … thành" each need
// one of them, and "no" followed by a dot reads as the abbreviation "No.".
var excluded = map[string]bool{"sap": true, "hop": true, "giam": true, "chuyen": true, "no": true}

type vocabulary struct {
	syllables []string // generated, in random order
	words     []string // ranked: words[0] is the commonest
}

var (
	vocabOnce sync.Once
	vocab     *vocabulary
)

func theVocabulary() *vocabulary {
	vocabOnce.Do(func() { vocab = newVocabulary() })
	return vocab
}

func newVocabulary() *vocabulary {
	r := rand.New(rand.NewPCG(vocabSeed, 1))
	var all []string
	seen := map[string]bool{}
	for _, w := range commonWords {
		for _, s := range strings.Fields(w) {
			seen[strings.ToLower(s)] = true
		}
	}
	for _, o := range onsets {
		for _, rh := range rhymes {
			if !onsetFits(o, rh) {
				continue
			}
			for ti, t := range tones {
				if stopCoda(rh) && ti != 1 && ti != 5 {
					continue // stop codas take only sắc or nặng
				}
				s := o + placeTone(rh, t)
				s = norm.NFC.String(s)
				if seen[s] || excluded[content.Fold(s)] {
					continue
				}
				seen[s] = true
				all = append(all, s)
			}
		}
	}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	v := &vocabulary{syllables: all[:min(syllablePool, len(all))]}

	// Words: the common ones first, then generated words whose syllables are
	// themselves Zipf-distributed, so some syllables recur in many words as
	// they do in real compounds.
	v.words = append(v.words, commonWords...)
	sylZipf := rand.NewZipf(r, 1.05, 30, uint64(len(v.syllables)-1))
	have := map[string]bool{}
	for _, w := range v.words {
		have[w] = true
	}
	for len(v.words) < lexiconSize {
		n := 1
		switch x := r.IntN(10); {
		case x >= 4 && x < 9:
			n = 2
		case x == 9:
			n = 3
		}
		parts := make([]string, n)
		for i := range parts {
			parts[i] = v.syllables[sylZipf.Uint64()]
		}
		w := strings.Join(parts, " ")
		if !have[w] {
			have[w] = true
			v.words = append(v.words, w)
		}
	}
	return v
}

// word draws a word by its Zipf rank.
func (v *vocabulary) word(r *rand.Rand) string { return v.words[zipfIndex(r)] }

// zipfTable holds the cumulative distribution of word ranks (s = 1.1, q = 3):
// the commonest word is about 7% of the text, as "của" and "và" are in real
// administrative prose.
var zipfTable = func() []float64 {
	cdf := make([]float64, lexiconSize)
	sum := 0.0
	for k := range cdf {
		sum += 1 / math.Pow(float64(k)+3, 1.1)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	return cdf
}()

func zipfIndex(r *rand.Rand) int {
	x := r.Float64()
	lo, hi := 0, len(zipfTable)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if zipfTable[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func onsetFits(o, rh string) bool {
	first, _ := utf8.DecodeRuneInString(rh)
	front := strings.ContainsRune("eêiy", first)
	switch o {
	case "k", "gh", "ngh":
		return front
	case "c", "g", "ng":
		return !front
	case "gi":
		return first != 'i'
	case "qu":
		return first != 'u' && first != 'o' && first != 'ư'
	}
	return true
}

func stopCoda(rh string) bool {
	return strings.HasSuffix(rh, "c") || strings.HasSuffix(rh, "ch") || strings.HasSuffix(rh, "p") || strings.HasSuffix(rh, "t")
}

// placeTone puts the tone mark where Vietnamese writes it: on the vowel with
// a diacritic (the last one, as in "ươ"), else on the last vowel before a
// coda, else on the second vowel of oa/oe/uy and the first of other pairs,
// else the middle one of three.
func placeTone(rh, tone string) string {
	if tone == "" {
		return rh
	}
	rs := []rune(rh)
	var vowels []int
	for i, r := range rs {
		if strings.ContainsRune("aăâeêioôơuưy", r) {
			vowels = append(vowels, i)
		}
	}
	at := -1
	for _, i := range vowels {
		if strings.ContainsRune("ăâêôơư", rs[i]) {
			at = i
		}
	}
	if at < 0 {
		last := vowels[len(vowels)-1]
		switch {
		case last < len(rs)-1:
			at = last
		case len(vowels) == 1:
			at = vowels[0]
		case len(vowels) == 2 && (rh == "oa" || rh == "oe" || rh == "uy"):
			at = vowels[1]
		case len(vowels) == 2:
			at = vowels[0]
		default:
			at = vowels[1]
		}
	}
	return string(rs[:at+1]) + tone + string(rs[at+1:])
}

// capitalize upper-cases the first letter, as a sentence or a name starts.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
