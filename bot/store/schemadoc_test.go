package store_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot/store"
)

var update = flag.Bool("update", false, "rewrite docs/redis-keys.md from store.Schema")

// schemaDoc is where store.Schema is written out for operators.
const schemaDoc = "../../docs/redis-keys.md"

// TestSchemaDoc keeps docs/redis-keys.md the rendering of store.Schema:
// change the table, then run go test ./bot/store -run TestSchemaDoc -update.
func TestSchemaDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString(`# Redis keys

Every key kyanhbot writes in Redis, generated from ` + "`store.Schema`" + ` (bot/store/schema.go)
by ` + "`go test ./bot/store -run TestSchemaDoc -update`" + `; TestSchema checks the table
against what the code writes into a real redis-server. All of it is written by one
package, bot/store, through the interfaces its consumers declare (bot.Store,
admin.Stats, admin.Lease, telegram.Ledger, handoff.Tickets, reload.Shared); each has an
in-memory twin held to the same contract suite (TestContract).

Every key has a TTL; the longest is ` + fmt.Sprint(int(store.MaxTTL.Hours()/24)) + ` days. "Personal" keys hold a chat
or user ID, or what a citizen wrote, and ` + "`/quentoi`" + ` deletes them.

| Key | Type | TTL | Written by | Holds |
|---|---|---|---|---|
`)
	for _, k := range store.Schema {
		fmt.Fprintf(&b, "| `%s` | %s | %s | store.%s | %s |\n", k.Pattern, k.Type, k.TTL, k.Writer, k.Holds)
	}
	b.WriteString("\n`kyanhbot:reload` is a pub/sub channel (store.RedisReplicas.Announce), not a key: nothing is stored.\n")
	if *update {
		if err := os.WriteFile(schemaDoc, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(schemaDoc)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != b.String() {
		t.Errorf("%s is not store.Schema's rendering; run go test ./bot/store -run TestSchemaDoc -update", schemaDoc)
	}
}
