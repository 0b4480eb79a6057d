package synth

import "strings"

// fillMode says which filler code a file may take.
type fillMode uint8

const (
	fillPlain     fillMode = iota // TypeScript without JSX
	fillTypes                     // declarations only
	fillServerJSX                 // JSX without handlers or hooks
	fillClientJSX                 // JSX with state and handlers
	fillServerFns                 // a 'use server' file: exports must be async functions
	fillCache                     // a 'use cache' file: likewise
)

// chunk appends one top-level declaration of plausible code: data
// tables, helpers, interfaces and, in components, small subcomponents.
func (e *emitter) chunk(b *strings.Builder, mode fillMode) {
	var n int
	switch mode {
	case fillTypes:
		e.chunkInterface(b, true)
		return
	case fillPlain:
		n = 5
	case fillServerFns, fillCache:
		n = 6
	default:
		n = 8
	}
	switch e.r.IntN(n) {
	case 0:
		e.chunkRows(b)
	case 1:
		e.chunkSwitch(b)
	case 2:
		e.chunkStats(b)
	case 3:
		e.chunkInterface(b, mode != fillServerFns && mode != fillCache)
	case 4:
		e.chunkGroup(b)
	case 5:
		if mode == fillServerFns || mode == fillCache {
			e.chunkServerFn(b, mode)
			return
		}
		e.chunkEnum(b)
	case 6:
		e.chunkComponent(b, mode == fillClientJSX)
	case 7:
		e.chunkTable(b)
	}
}

func (e *emitter) chunkRows(b *strings.Builder) {
	name := e.id(upper(e.noun()) + "_ROWS")
	b.WriteString("const " + name + " = [\n")
	for i := range 4 + e.r.IntN(14) {
		n := e.noun()
		b.WriteString("  { id: '" + n + "-" + itoa(i+1) + "', label: '" + e.label() + "', value: " + itoa(e.r.IntN(10000)) + ", enabled: " + [2]string{"false", "true"}[e.r.IntN(2)] + ", tone: '" + e.pick(colors) + "' },\n")
	}
	b.WriteString("]" + semi + "\n")
}

func (e *emitter) chunkSwitch(b *strings.Builder) {
	noun := e.noun()
	name := e.id("describe" + pascal(noun))
	b.WriteString("function " + name + "(status: string): string {\n  switch (status) {\n")
	seen := map[string]bool{}
	for range 3 + e.r.IntN(8) {
		a := e.pick(adjectives)
		if seen[a] {
			continue
		}
		seen[a] = true
		b.WriteString("    case '" + a + "':\n      return '" + pascal(a) + " " + noun + "'" + semi + "\n")
	}
	b.WriteString("    default:\n      return status" + semi + "\n  }\n}\n")
}

func (e *emitter) chunkStats(b *strings.Builder) {
	name := e.id("summarize" + pascal(e.noun()))
	b.WriteString("function " + name + "(values: number[]): { total: number; min: number; max: number; average: number } {\n")
	b.WriteString("  if (values.length === 0) {\n    return { total: 0, min: 0, max: 0, average: 0 }" + semi + "\n  }\n")
	b.WriteString("  let total = 0" + semi + "\n  let min = Number.POSITIVE_INFINITY" + semi + "\n  let max = Number.NEGATIVE_INFINITY" + semi + "\n")
	b.WriteString("  for (const value of values) {\n    total += value" + semi + "\n    min = Math.min(min, value)" + semi + "\n    max = Math.max(max, value)" + semi + "\n  }\n")
	b.WriteString("  return { total, min, max, average: total / values.length }" + semi + "\n}\n")
}

func (e *emitter) chunkInterface(b *strings.Builder, export bool) {
	name := e.id(pascal(e.noun()) + e.pick([]string{"Row", "Input", "Summary", "Options", "Payload", "State", "Entry"}))
	if export {
		b.WriteString("export ")
	}
	b.WriteString("interface " + name + " {\n  id: string" + semi + "\n")
	seen := map[string]bool{"id": true}
	for range 3 + e.r.IntN(10) {
		f := camel(e.noun())
		if seen[f] {
			continue
		}
		seen[f] = true
		opt := ""
		if e.r.IntN(3) == 0 {
			opt = "?"
		}
		b.WriteString("  " + f + opt + ": " + e.pick(fieldTypes) + semi + "\n")
	}
	b.WriteString("}\n")
}

func (e *emitter) chunkGroup(b *strings.Builder) {
	name := e.id("group" + pascal(e.noun()) + "Rows")
	b.WriteString("function " + name + "<T extends { id: string }>(rows: T[], size = " + itoa(5+e.r.IntN(20)) + "): T[][] {\n")
	b.WriteString("  const groups: T[][] = []" + semi + "\n")
	b.WriteString("  for (let index = 0; index < rows.length; index += size) {\n")
	b.WriteString("    groups.push(rows.slice(index, index + size))" + semi + "\n  }\n")
	b.WriteString("  return groups.filter((group) => group.length > 0)" + semi + "\n}\n")
}

func (e *emitter) chunkEnum(b *strings.Builder) {
	noun := e.noun()
	name := e.id(upper(noun) + "_STATE")
	b.WriteString("const " + name + " = {\n")
	seen := map[string]bool{}
	for range 3 + e.r.IntN(6) {
		a := e.pick(adjectives)
		if seen[a] {
			continue
		}
		seen[a] = true
		b.WriteString("  " + a + ": '" + noun + "-" + a + "',\n")
	}
	b.WriteString("} as const" + semi + "\n\n")
	b.WriteString("type " + e.id(pascal(noun)+"State") + " = (typeof " + name + ")[keyof typeof " + name + "]" + semi + "\n")
}

func (e *emitter) chunkServerFn(b *strings.Builder, mode fillMode) {
	noun := e.noun()
	if mode == fillCache {
		name := e.id("getCached" + pascal(noun) + "Counts")
		b.WriteString("export async function " + name + "(): Promise<number[]> {\n")
		b.WriteString("  cacheLife('" + e.pick([]string{"hours", "days", "minutes"}) + "')" + semi + "\n")
		b.WriteString("  const res = await fetch('https://api.example.com/" + noun + "/counts')" + semi + "\n")
		b.WriteString("  return res.ok ? ((await res.json()) as number[]) : []" + semi + "\n}\n")
		return
	}
	name := e.id(e.pick(actionVerbs) + pascal(noun))
	b.WriteString("export async function " + name + "(formData: FormData): Promise<void> {\n")
	b.WriteString("  const id = String(formData.get('id') ?? '')" + semi + "\n")
	b.WriteString("  if (!id) {\n    return" + semi + "\n  }\n")
	b.WriteString("  await fetch('https://api.example.com/" + noun + "/' + encodeURIComponent(id), { method: 'POST' })" + semi + "\n")
	b.WriteString("  revalidatePath('/" + plural(noun) + "')" + semi + "\n}\n")
}

func (e *emitter) chunkComponent(b *strings.Builder, client bool) {
	noun := e.noun()
	if client && e.r.IntN(2) == 0 {
		name := e.id(pascal(noun) + "Toggle")
		b.WriteString("function " + name + "({ label }: { label: string }) {\n")
		b.WriteString("  const [active, setActive] = useState(false)" + semi + "\n")
		b.WriteString("  return (\n")
		b.WriteString("    <button type=\"button\" className={active ? '" + e.cls() + "' : undefined} onClick={() => setActive((value) => !value)}>\n")
		b.WriteString("      {label}\n    </button>\n  )" + semi + "\n}\n")
		return
	}
	name := e.id(pascal(noun) + "Row")
	b.WriteString("function " + name + "({ label, value }: { label: string; value: number }) {\n")
	b.WriteString("  return (\n    <div className=\"" + e.cls() + "\">\n")
	b.WriteString("      <span className=\"text-sm text-muted-foreground\">{label}</span>\n")
	b.WriteString("      <strong>{value.toLocaleString()}</strong>\n")
	if e.r.IntN(2) == 0 {
		b.WriteString("      <small className=\"" + e.cls() + "\">" + e.label() + "</small>\n")
	}
	b.WriteString("    </div>\n  )" + semi + "\n}\n")
}

func (e *emitter) chunkTable(b *strings.Builder) {
	noun := e.noun()
	cols := e.id(upper(noun) + "_COLUMNS")
	b.WriteString("const " + cols + " = [\n")
	for range 3 + e.r.IntN(6) {
		f := camel(e.noun())
		b.WriteString("  { key: '" + f + "', label: '" + pascal(f) + "', width: " + itoa(80+20*e.r.IntN(10)) + " },\n")
	}
	b.WriteString("]" + semi + "\n\n")
	name := e.id(pascal(noun) + "Table")
	b.WriteString("function " + name + "({ rows }: { rows: Array<Record<string, string | number>> }) {\n")
	b.WriteString("  return (\n    <table className=\"w-full text-sm\">\n      <thead>\n        <tr>\n")
	b.WriteString("          {" + cols + ".map((column) => (\n")
	b.WriteString("            <th key={column.key} style={{ width: column.width }}>\n              {column.label}\n            </th>\n")
	b.WriteString("          ))}\n        </tr>\n      </thead>\n      <tbody>\n")
	b.WriteString("        {rows.map((row, index) => (\n          <tr key={index}>\n")
	b.WriteString("            {" + cols + ".map((column) => (\n")
	b.WriteString("              <td key={column.key}>{String(row[column.key] ?? '')}</td>\n")
	b.WriteString("            ))}\n          </tr>\n        ))}\n      </tbody>\n    </table>\n  )" + semi + "\n}\n")
}
