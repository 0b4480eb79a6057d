package synth

import "strings"

// nouns name features, route segments, components and data types.
var nouns = []string{
	"account", "activity", "address", "alert", "analytics", "answer", "approval", "archive",
	"article", "asset", "audit", "author", "badge", "balance", "banner", "billing",
	"booking", "branch", "budget", "bundle", "calendar", "campaign", "card", "cart",
	"catalog", "category", "channel", "chart", "checkout", "client", "comment", "company",
	"contact", "contract", "coupon", "course", "customer", "dashboard", "deal", "delivery",
	"deployment", "device", "discount", "document", "domain", "draft", "event", "expense",
	"export", "feature", "feedback", "file", "filter", "folder", "form", "forecast",
	"gallery", "goal", "group", "guide", "history", "import", "incident", "insight",
	"integration", "inventory", "invoice", "issue", "job", "journal", "label", "lead",
	"lesson", "license", "list", "location", "log", "market", "media", "meeting",
	"member", "message", "metric", "milestone", "note", "notification", "offer", "order",
	"organization", "page", "partner", "payment", "payout", "permission", "plan", "playlist",
	"policy", "post", "price", "product", "profile", "project", "promotion", "question",
	"quota", "receipt", "recipe", "record", "referral", "refund", "release", "report",
	"request", "reservation", "resource", "review", "role", "route", "sale", "schedule",
	"search", "segment", "session", "setting", "shipment", "shift", "skill", "snapshot",
	"source", "space", "sprint", "status", "stock", "store", "subscription", "supplier",
	"survey", "task", "team", "template", "ticket", "timeline", "token", "topic",
	"transaction", "trip", "upload", "usage", "user", "vendor", "version", "video",
	"warehouse", "webhook", "widget", "workflow", "workspace",
}

// adjectives qualify nouns to make more names.
var adjectives = []string{
	"active", "advanced", "annual", "basic", "bulk", "compact", "custom", "daily",
	"default", "detailed", "draft", "expanded", "external", "featured", "global", "grouped",
	"hidden", "inline", "internal", "latest", "linked", "live", "local", "main",
	"monthly", "nested", "open", "pending", "pinned", "primary", "private", "public",
	"quick", "recent", "recurring", "remote", "saved", "scheduled", "secondary", "shared",
	"simple", "smart", "sorted", "starred", "team", "top", "trending", "weekly",
}

// suffixes end component names.
var suffixes = []string{
	"Card", "List", "Table", "Panel", "Form", "Header", "Summary", "Badge", "Grid",
	"Section", "View", "Row", "Item", "Chart", "Dialog", "Menu", "Toolbar", "Stats",
	"Preview", "Editor", "Picker", "Banner", "Feed", "Timeline", "Tabs", "Filters",
}

// verbs start function names.
var verbs = []string{
	"build", "compute", "format", "normalize", "parse", "resolve", "group", "sort",
	"merge", "filter", "summarize", "validate", "serialize", "transform", "collect", "derive",
}

// actionVerbs start Server Function names.
var actionVerbs = []string{"create", "update", "delete", "archive", "publish", "assign", "approve", "restore", "duplicate", "invite"}

// labels fill strings shown in the UI.
var labels = []string{
	"Overview", "Details", "Settings", "History", "Recent activity", "All items", "Favorites",
	"Pending review", "Completed", "In progress", "Archived", "Shared with me", "Owned by me",
	"Last 7 days", "Last 30 days", "This quarter", "Year to date", "No results", "Load more",
	"Show all", "Export CSV", "Filter by status", "Sort by date", "Assigned to", "Created at",
	"Updated at", "Total", "Average", "Growth", "Conversion", "Revenue", "Open tickets",
}

var colors = []string{"slate", "gray", "zinc", "red", "orange", "amber", "green", "emerald", "teal", "sky", "blue", "indigo", "violet", "purple", "pink", "rose"}

var tailwind = []string{
	"flex items-center gap-2", "grid gap-4 md:grid-cols-2", "rounded-lg border p-4",
	"text-sm text-muted-foreground", "text-lg font-semibold", "space-y-2", "px-3 py-2",
	"w-full max-w-4xl mx-auto", "divide-y", "truncate", "inline-flex items-center rounded-md",
	"shadow-sm", "mt-6", "hidden md:block", "overflow-x-auto", "font-medium tracking-tight",
}

var fieldTypes = []string{"string", "number", "boolean", "string[]", "Date", "number | null", "string | undefined", "Record<string, string>"}

// pascal turns "order-summary" or "order summary" into "OrderSummary".
func pascal(s string) string {
	var b strings.Builder
	up := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '-' || c == ' ' || c == '_' {
			up = true
			continue
		}
		if up && c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		up = false
		b.WriteByte(c)
	}
	return b.String()
}

// camel turns "order-summary" into "orderSummary".
func camel(s string) string {
	p := pascal(s)
	if p == "" {
		return p
	}
	return strings.ToLower(p[:1]) + p[1:]
}

// kebab turns "OrderSummaryCard" into "order-summary-card".
func kebab(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			if i > 0 {
				b.WriteByte('-')
			}
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// upper turns "order-summary" into "ORDER_SUMMARY".
func upper(s string) string {
	return strings.ToUpper(strings.ReplaceAll(s, "-", "_"))
}

// plural is good enough for route segments.
func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "y") && !strings.HasSuffix(s, "ay") && !strings.HasSuffix(s, "ey"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh"):
		return s + "es"
	}
	return s + "s"
}
