package discordtest

import (
	"fmt"
	"net/http"
	"regexp"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

var commandNameRE = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)

// validateCommand checks the documented limits of an application command.
func validateCommand(f *formError, prefix string, c *discordgo.ApplicationCommand) {
	if !commandNameRE.MatchString(c.Name) {
		f.add(prefix+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
	}
	chatInput := c.Type == 0 || c.Type == discordgo.ChatApplicationCommand
	if chatInput {
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > 100 {
			f.add(prefix+"description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		}
	}
	validateOptions(f, prefix+"options", c.Options)
}

func validateOptions(f *formError, prefix string, opts []*discordgo.ApplicationCommandOption) {
	if len(opts) > 25 {
		f.add(prefix, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	for i, o := range opts {
		if o == nil {
			continue
		}
		p := fmt.Sprintf("%s.%d.", prefix, i)
		if !commandNameRE.MatchString(o.Name) {
			f.add(p+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if n := utf8.RuneCountInString(o.Description); n < 1 || n > 100 {
			f.add(p+"description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		}
		if len(o.Choices) > 25 {
			f.add(p+"choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			f.add(p+"autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be set with choices.")
		}
		for j, c := range o.Choices {
			if c != nil {
				f.maxLen(fmt.Sprintf("%schoices.%d.name", p, j), c.Name, 100)
			}
		}
		validateOptions(f, p+"options", o.Options)
	}
}

func (s *Server) commandsKey(r *http.Request) (string, bool) {
	if r.PathValue("app") != s.opts.ApplicationID {
		return "", false
	}
	return s.opts.ApplicationID + "/" + r.PathValue("guild"), true
}

func (s *Server) handleListCommands(w http.ResponseWriter, r *http.Request) {
	key, ok := s.commandsKey(r)
	if !ok {
		writeError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.commands[key]
	if out == nil {
		out = []*discordgo.ApplicationCommand{}
	}
	writeJSON(w, http.StatusOK, out)
}

// handleBulkCommands replaces all commands, keeping the ids of commands
// whose name did not change, as Discord does.
func (s *Server) handleBulkCommands(w http.ResponseWriter, r *http.Request) {
	route := apiRoute(r.URL.Path)
	key, ok := s.commandsKey(r)
	if !ok {
		writeError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	var cmds []*discordgo.ApplicationCommand
	if err := readBody(r, &cmds); err != nil {
		s.badJSON(w, r.Method, route, err)
		return
	}
	var f formError
	if len(cmds) > 100 {
		f.add("", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
	}
	for i, c := range cmds {
		if c == nil {
			f.add(fmt.Sprintf("%d", i), "BASE_TYPE_REQUIRED", "This field is required")
			continue
		}
		validateCommand(&f, fmt.Sprintf("%d.", i), c)
	}
	if len(f.fields) > 0 {
		s.invalidForm(w, r.Method, route, &f)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := map[string]string{}
	for _, c := range s.commands[key] {
		old[c.Name] = c.ID
	}
	for _, c := range cmds {
		s.fillCommandLocked(c, r.PathValue("guild"), old[c.Name])
	}
	s.commands[key] = cmds
	writeJSON(w, http.StatusOK, cmds)
}

func (s *Server) fillCommandLocked(c *discordgo.ApplicationCommand, guildID, id string) {
	if id == "" {
		id = s.nextIDLocked()
	}
	c.ID, c.ApplicationID, c.GuildID, c.Version = id, s.opts.ApplicationID, guildID, s.nextIDLocked()
	if c.Type == 0 {
		c.Type = discordgo.ChatApplicationCommand
	}
}

func (s *Server) handleCreateCommand(w http.ResponseWriter, r *http.Request) {
	route := apiRoute(r.URL.Path)
	key, ok := s.commandsKey(r)
	if !ok {
		writeError(w, http.StatusForbidden, 50001, "Missing Access")
		return
	}
	var c discordgo.ApplicationCommand
	if err := readBody(r, &c); err != nil {
		s.badJSON(w, r.Method, route, err)
		return
	}
	var f formError
	validateCommand(&f, "", &c)
	if len(f.fields) > 0 {
		s.invalidForm(w, r.Method, route, &f)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.commands[key]
	for i, old := range list {
		if old.Name == c.Name {
			s.fillCommandLocked(&c, r.PathValue("guild"), old.ID)
			list[i] = &c
			writeJSON(w, http.StatusOK, &c)
			return
		}
	}
	s.fillCommandLocked(&c, r.PathValue("guild"), "")
	s.commands[key] = append(list, &c)
	writeJSON(w, http.StatusCreated, &c)
}
