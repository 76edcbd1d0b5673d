package bot_test

import (
	"encoding/json"

	"wirewatch/bot"
	"wirewatch/model"
)

// rawPost is a post whose message is msg exactly as written, neither
// rendered nor escaped: a post stored before posts were platform-neutral
// (Content.Legacy). Tests use it to put a given message, hostile text
// included, in front of the sink's own defences.
func rawPost(id string, msg bot.Message) model.Post {
	b, err := json.Marshal(msg)
	if err != nil {
		panic(err)
	}
	return model.Post{ID: id, Kind: model.PostAlert, Content: model.Content{Legacy: b}}
}

// textPost is a raw post of plain content.
func textPost(text string) model.Post { return rawPost("raw", bot.Message{Content: text}) }
