package engine

import (
	"encoding/gob"
	"fmt"
	"reflect"
	"sync"

	"github.com/rscls/rscls/analysis"
	"github.com/rscls/rscls/analysis/graph"
	"github.com/rscls/rscls/analysis/syntax"
)

// passes runs analyzers on one file or one module: the analyzers a check
// requires first, each once, their results handed to every analyzer that
// requires them.
type passes struct {
	base    analysis.Pass // what every pass on the file or module sees
	report  func(analysis.Diagnostic)
	after   func() // after each check (the file's budget)
	results map[*analysis.Analyzer]result
}

type result struct {
	value any
	err   error
}

// check runs a check, once or, for one with Envs, once for each of its
// environments the module is in, and reports its diagnostics.
func (p *passes) check(a *analysis.Analyzer) {
	report := func(d analysis.Diagnostic) {
		d.Rule, d.Tags = a.Name, d.Tags|a.Tags
		if d.URL == "" {
			d.URL = a.URL
		}
		p.report(d)
	}
	fail := func(err error) {
		report(analysis.Diagnostic{Message: fmt.Sprintf("internal error in check %s: %v", a.Name, err)})
	}
	if resultOf, err := p.requirements(a); err != nil {
		fail(err)
	} else if len(a.Envs) == 0 {
		if _, err := p.run(a, resultOf, 0, report); err != nil {
			fail(err)
		}
	} else {
		for _, env := range a.Envs {
			if p.base.Module.In(env) {
				if _, err := p.run(a, resultOf, env, report); err != nil {
					fail(err)
				}
			}
		}
	}
	if p.after != nil {
		p.after()
	}
}

// fileFact runs an analyzer's FileFact and keeps its result with the
// file's facts.
func (p *passes) fileFact(a *analysis.Analyzer) {
	pass := p.base
	pass.Analyzer = a
	v, err := func() (v any, err error) {
		defer func() {
			if x := recover(); x != nil {
				if be, ok := x.(*syntax.BudgetError); ok {
					panic(be)
				}
				err = fmt.Errorf("%v", x)
			}
		}()
		return a.FileFact(&pass), nil
	}()
	switch {
	case err == nil && v != nil && reflect.TypeOf(v) != a.FileFactType:
		err = fmt.Errorf("file fact of type %T, not %v", v, a.FileFactType)
	case err == nil && v != nil:
		f := p.base.File.Facts
		if f.Extra == nil {
			f.Extra = map[string]any{}
		}
		f.Extra[a.Name] = v
	}
	if err != nil {
		p.report(analysis.Diagnostic{Rule: a.Name, URL: a.URL, Message: fmt.Sprintf("internal error in check %s: %v", a.Name, err)})
	}
	if p.after != nil {
		p.after()
	}
}

// registered remembers the file fact types given to encoding/gob.
var registered sync.Map

// registerFileFacts tells encoding/gob the types of the analyzers' file
// facts, which caches keep inside facts.File.Extra.
func registerFileFacts(analyzers []*analysis.Analyzer) {
	for _, a := range analyzers {
		if t := a.FileFactType; t != nil {
			if _, done := registered.LoadOrStore(t, true); !done {
				gob.Register(reflect.New(t.Elem()).Interface())
			}
		}
	}
}

// requirements returns the results of the analyzers a requires.
func (p *passes) requirements(a *analysis.Analyzer) (map[*analysis.Analyzer]any, error) {
	if len(a.Requires) == 0 {
		return nil, nil
	}
	out := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		r, ok := p.results[req]
		if !ok {
			var resultOf map[*analysis.Analyzer]any
			if resultOf, r.err = p.requirements(req); r.err == nil {
				// A required analyzer reports nothing.
				r.value, r.err = p.run(req, resultOf, 0, func(analysis.Diagnostic) {})
			}
			if p.results == nil {
				p.results = map[*analysis.Analyzer]result{}
			}
			p.results[req] = r
		}
		if r.err != nil {
			return nil, fmt.Errorf("%s: %v", req.Name, r.err)
		}
		out[req] = r.value
	}
	return out, nil
}

// run runs one pass of an analyzer, turning a panic into an error instead
// of taking the whole process down. An overrun budget is not a bug of the
// analyzer: it goes on up, to skip the file.
func (p *passes) run(a *analysis.Analyzer, resultOf map[*analysis.Analyzer]any, env graph.Env, report func(analysis.Diagnostic)) (value any, err error) {
	pass := p.base
	pass.Analyzer, pass.ResultOf, pass.Env, pass.Report = a, resultOf, env, report
	defer func() {
		if v := recover(); v != nil {
			if be, ok := v.(*syntax.BudgetError); ok {
				panic(be)
			}
			value, err = nil, fmt.Errorf("%v", v)
		}
	}()
	value, err = a.Run(&pass)
	if err == nil && a.ResultType != nil && (value == nil || reflect.TypeOf(value) != a.ResultType) {
		err = fmt.Errorf("returned %T, not %v", value, a.ResultType)
	}
	return value, err
}
