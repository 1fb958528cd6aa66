package content

// OneReadingMaxText lets the external tests read a corpus twice.
var OneReadingMaxText = &oneReadingMaxText
