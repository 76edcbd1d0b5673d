package config

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseErrors checks that each kind of mistake is reported, all of them,
// in file order, each as file:line:col: message.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"feeds.toml", []string{
			`3:7: feeds.url: the URL must start with http:// or https://`,
			`7:7: feeds.url: the URL has no host`,
			`11:7: feeds.url: the URL contains spaces`,
			`15:7: feeds.url: the URL points at a private address; set allow_private = true to poll it`,
			`19:7: feeds.url: duplicate feed url (first at line 15)`,
			`22:1: [[feeds]]: missing required key "name"`,
			`26:8: feeds.name: must not be empty`,
			`28:12: feeds.interval: invalid duration "5 minutes" (write a number and a unit: "90s", "5m", "48h")`,
			`29:13: feeds.full_text: "maybe" is not one of "auto", "true" or "false"`,
			`30:12: feeds.timezone: unknown time zone "Korea/Seoul" (write an IANA name such as "Asia/Seoul" or "UTC")`,
			`37:8: feeds.name: duplicate feed name "NK News" (first at line 33)`,
			`38:7: feeds.url: duplicate feed url (first at line 34)`,
		}},
		{"multi.toml", []string{
			`4:1: unknown key "log_levle" in [bot]; did you mean "log_level"?`,
			`7:8: polling.tick: invalid cron spec "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *] (use 5 fields "min hour dom month dow", or @hourly, @daily, @every 10m)`,
			`8:11: polling.timeout: expected a duration string such as "10m", got integer 20`,
			`12:7: feeds.url: the URL must start with http:// or https://`,
			`21:13: rules.channels: undefined channel "desks"; did you mean "desk"?`,
			`23:12: rules.mentions: only urgent rules may mention roles (this rule is "alert")`,
		}},
		{"numbers.toml", []string{
			`3:16: polling.max_interval: 10m is less than min_interval 30m`,
			`5:15: polling: per_host 9 is more than concurrency 4`,
			`6:1: polling: set max_body_mb or max_body_bytes, not both`,
			`7:18: polling.max_body_bytes: 0 is out of range (1 to 1073741824)`,
			`12:12: feeds.interval: 1m is outside polling.min_interval 30m to max_interval 10m`,
			`17:12: feeds.interval: must be positive, got "-10m"`,
			`23:12: rules.cooldown: must be positive, got "-1h"`,
		}},
		{"routes.toml", []string{
			`2:17: discord.admin_channel: undefined channel "ops" (define it in a [[channels]] table)`,
			`3:18: discord.application_id: "my-app" is not a Discord application id (digits only)`,
			`4:36: discord.guild_ids: "guild" is not a Discord id (digits only)`,
			`7:8: topics.name: "North Korea" must be lower-case letters, digits and hyphens, such as "north-korea" (rules write topic:<name>)`,
			`8:11: topics.aliases: a topic needs at least one alias`,
			`12:19: topics.aliases: empty alias`,
			`15:8: topics.name: duplicate topic name "south-korea" (first at line 11)`,
			`28:8: channels.name: duplicate channel name "desk" (first at line 19)`,
			`34:13: rules.channels: undefined channel "dsk"; did you mean "desk"?`,
			`34:20: rules.channels: channel "digest" is digest-only; rules do not post there`,
			`34:30: rules.channels: undefined channel "nowhere" (define it in a [[channels]] table)`,
			`35:12: rules.mentions: only urgent rules may mention roles (this rule is "alert")`,
			`38:8: rules.name: duplicate rule name "launch" (first at line 32)`,
			`39:9: rules.query: empty query`,
			`40:12: rules.channels: a rule needs at least one channel`,
			`41:12: rules.severity: "critical" is not one of "info", "alert" or "urgent"`,
			`43:1: [[rules]]: missing required key "query"`,
			`47:13: rules.mentions: "@everyone" is never pinged; list role ids`,
			`47:26: rules.mentions: "role" is not a Discord role id (digits only)`,
			`53:11: digests.topics: undefined topic "south-korae"; did you mean "south-korea"?`,
			`53:26: digests.topics: undefined topic "japan" (define it in a [[topics]] table)`,
			`54:15: digests.max_stories: 0 is out of range (1 to 50)`,
			`56:1: digests.channels: a digest needs at least one channel`,
			`57:8: digests.name: duplicate digest name "morning" (first at line 50)`,
		}},
		{"shape.toml", []string{
			`1:10: topics: expected [[topics]] tables, got integer 3`,
			`3:1: bot must be a single table: write [bot], not [[bot]]`,
			`6:1: feeds must be a list of tables: write [[feeds]] before each entry, not [feeds]`,
			`10:13: discord.guild_ids: expected an array of strings, got string "000000000000000001"`,
		}},
		{"syntax.toml", []string{
			`3:11: TOML syntax: unexpected character U+000A at start of value`,
		}},
		{"syntax_duplicate.toml", []string{
			`3:1: TOML syntax: key tick is already defined`,
		}},
		{"token.toml", []string{
			`1:1: token: the Discord token is never read from the config file: remove this key and set the DISCORD_TOKEN environment variable`,
			`4:1: bot.token: the Discord token is never read from the config file: remove this key and set the DISCORD_TOKEN environment variable`,
			`7:1: discord.token: the Discord token is never read from the config file: remove this key and set the DISCORD_TOKEN environment variable`,
		}},
		{"types.toml", []string{
			`1:11: stories: expected a table [stories], got string "edit"`,
			`4:8: bot.name: expected a string, got integer 7`,
			`7:11: polling.timeout: expected a duration string such as "10m", got integer 20`,
			`8:12: polling.per_host: expected an integer, got string "2"`,
			`9:15: polling.max_body_mb: expected a number of megabytes, got string "10"`,
			`14:17: feeds.allow_private: expected true or false, got string "yes"`,
			`15:13: feeds.full_text: expected true, false or "auto", got integer 1`,
			`19:11: topics.aliases: expected an array of strings, got string "DPRK"`,
			`23:6: channels.id: write channel ids as strings: "123456789012345678"`,
			`28:21: rules.channels: expected strings in the array, got integer 2`,
		}},
		{"unknown.toml", []string{
			`1:1: unknown key "name" at the top level; it belongs under [bot]`,
			`5:1: unknown key "loglevel" in [bot]; did you mean "log_level"?`,
			`8:1: unknown key "timout" in [polling]; did you mean "timeout"?`,
			`9:1: unknown key "max-interval" in [polling]; did you mean "max_interval"?`,
			`11:1: unknown table [pollingg]; did you mean [polling]?`,
			`14:1: unknown table [[feed]]; did you mean [[feeds]]?`,
			`20:1: unknown key "intervall" in [[feeds]]; did you mean "interval"?`,
			`21:1: unknown key "colour" in [[feeds]]`,
		}},
		{"vocabulary.toml", []string{
			`6:11: stories.vocabulary.replace: expected true or false, got string "yes"`,
			`7:11: stories.vocabulary.common: "Oil": write lower-case words without spaces or marks`,
			`7:18: stories.vocabulary.common: "crude oil": one word per entry (phrases go under aliases)`,
			`10:22: stories.vocabulary.aliases.Strait of Hormuz: "Hormuz": canonical terms are lower-case letters, digits and _ separated by spaces ("Hormuz")`,
			`11:1: stories.vocabulary.aliases: "..." has no letters or digits`,
			`13:1: stories.vocabulary.words: "set ablaze" is more than one word (write phrases under aliases)`,
			`16:10: stories.vocabulary.facts.vessel.bulker: a value needs at least one term`,
			`18:8: stories.vocabulary.acts.kind: "statement" is built in (statements are set in [statement])`,
			`20:1: [[stories.vocabulary.acts]]: an act needs at least one verb`,
			`24:1: unknown key "colour" in [stories.vocabulary.statement]`,
		}},
		{"values.toml", []string{
			`2:12: bot.timezone: unknown time zone "Asia/Seul" (write an IANA name such as "Asia/Seoul" or "UTC")`,
			`3:13: bot.log_level: "verbose" is not one of "debug", "info", "warn" or "error"`,
			`6:8: polling.tick: invalid cron spec "every minute": expected exactly 5 fields, found 2: [every minute] (use 5 fields "min hour dom month dow", or @hourly, @daily, @every 10m)`,
			`7:11: polling.timeout: must be positive, got "-5s"`,
			`8:16: polling.max_item_age: must be positive, got "0s"`,
			`11:10: stories.window: invalid duration "3 days" (write a number and a unit: "90s", "5m", "48h")`,
			`12:11: stories.updates: "append" is not one of "edit", "reply", "thread" or "none"`,
			`17:12: channels.delivery: "later" is not one of "immediate" or "digest-only"`,
			`18:15: channels.quiet_hours: quiet hours "23:00-25:00": "25:00" is not a time of day HH:MM (00:00 to 23:59)`,
			`19:12: channels.timezone: time zone "Local" depends on the server; write an IANA name such as "Asia/Seoul"`,
			`24:15: channels.quiet_hours: quiet hours "11pm-7am": "11pm" is not a time of day HH:MM`,
			`28:12: digests.schedule: invalid cron spec "CRON_TZ=Asia/Seoul 0 8 * *": expected exactly 5 fields, found 4: [0 8 * *] (use 5 fields "min hour dom month dow", or @hourly, @daily, @every 10m)`,
			`33:12: digests.schedule: cron spec "0 0 30 2 *" never fires`,
			`38:12: digests.schedule: cron spec "CRON_TZ=Asia/Seoul" has a time zone but no schedule`,
			`43:12: digests.schedule: cron spec "CRON_TZ=Mars/Olympus 0 8 * * *": unknown time zone "Mars/Olympus" (write an IANA name such as "Asia/Seoul" or "UTC")`,
		}}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			_, err := Load(path)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("Load(%s) error = %v (%T), want config.Errors", path, err, err)
			}
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = path + ":" + w
			}
			got := strings.Split(errs.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
