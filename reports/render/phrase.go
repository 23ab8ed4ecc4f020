package render

import "shouhou/reports/phrase"

// The few-words forms of contract values live in reports/phrase, shared
// with the engine's messages; the renderers call them by these names.
var (
	RequirementText = phrase.RequirementText
	StatedText      = phrase.StatedText
	StatedFor       = phrase.StatedFor
	TopicName       = phrase.TopicName
	clip            = phrase.Clip
	claimZh         = phrase.ClaimNames
)
