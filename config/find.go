package config

// Lookups by name. Names are unique within each kind (the loader refuses
// duplicates); each returns nil when there is no such entry.

// Channel returns the channel with the given name, or nil.
func (c *Config) Channel(name string) *Channel {
	for i := range c.Channels {
		if c.Channels[i].Name == name {
			return &c.Channels[i]
		}
	}
	return nil
}

// Topic returns the topic with the given name, or nil.
func (c *Config) Topic(name string) *Topic {
	for i := range c.Topics {
		if c.Topics[i].Name == name {
			return &c.Topics[i]
		}
	}
	return nil
}

// Feed returns the feed with the given name, or nil.
func (c *Config) Feed(name string) *Feed {
	for i := range c.Feeds {
		if c.Feeds[i].Name == name {
			return &c.Feeds[i]
		}
	}
	return nil
}

// Rule returns the rule with the given name, or nil.
func (c *Config) Rule(name string) *Rule {
	for i := range c.Rules {
		if c.Rules[i].Name == name {
			return &c.Rules[i]
		}
	}
	return nil
}

// ChannelIDs maps each channel's name to its id on its platform.
func (c *Config) ChannelIDs() map[string]string {
	ids := make(map[string]string, len(c.Channels))
	for _, ch := range c.Channels {
		ids[ch.Name] = ch.ID
	}
	return ids
}

// TopicTitle is a topic's display name: its title, else its name.
func (c *Config) TopicTitle(name string) string {
	if t := c.Topic(name); t != nil && t.Title != "" {
		return t.Title
	}
	return name
}
