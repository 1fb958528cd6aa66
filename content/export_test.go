package content

// OneReadingMaxText lets the external tests read a corpus twice.
var OneReadingMaxText = &oneReadingMaxText

// MayEnglishPerson and TwoCapitalised let the external benchmarks time
// the persons' cheap tests on synthetic text.
var MayEnglishPerson, TwoCapitalised = mayEnglishPerson, twoCapitalised

// InferParts lets the external tests read a corpus in a given number of
// parts.
var InferParts = &inferParts
