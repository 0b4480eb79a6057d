package syntax

/*
#include <stdint.h>
#include <stdbool.h>
#include <time.h>
#ifdef _WIN32
#include <windows.h>
#endif

// The tree-sitter declarations parsing needs; they match tree_sitter/api.h
// of go-tree-sitter v0.25.0, whose compiled library is linked into the
// same binary.
typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
typedef struct { uint32_t row; uint32_t column; } rs_point;
typedef struct {
  void *payload;
  const char *(*read)(void *payload, uint32_t byte_index, rs_point position, uint32_t *bytes_read);
  int encoding;
  void *decode;
} rs_input;
typedef struct {
  void *payload;
  uint32_t current_byte_offset;
  bool has_error;
} rs_parse_state;
typedef struct {
  void *payload;
  bool (*progress_callback)(rs_parse_state *state);
} rs_parse_options;

TSTree *ts_parser_parse_with_options(TSParser *self, const TSTree *old_tree, rs_input input, rs_parse_options options);
void ts_parser_reset(TSParser *self);

typedef struct {
  const char *src;
  uint32_t len;
  int64_t deadline_ns; // in the parsing thread's CPU time
} rs_parse_job;

// The source is one buffer: every read hands tree-sitter the rest of it,
// without the copy the Go binding makes on each read.
static const char *rs_read(void *payload, uint32_t byte_index, rs_point position, uint32_t *bytes_read) {
  rs_parse_job *job = payload;
  if (byte_index >= job->len) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = job->len - byte_index;
  return job->src + byte_index;
}

// CPU time of the calling thread, which is the parsing thread for the
// whole of ts_parser_parse_with_options: a loaded machine does not make a
// file overrun, only the parser's own work does.
static int64_t rs_thread_cpu_ns(void) {
#ifdef _WIN32
  // MinGW keeps clock_gettime in winpthreads; the Win32 call needs nothing
  // beyond kernel32. FILETIMEs count 100 ns.
  FILETIME created, exited, kernel, user;
  if (GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user)) {
    uint64_t k = ((uint64_t)kernel.dwHighDateTime << 32) | kernel.dwLowDateTime;
    uint64_t u = ((uint64_t)user.dwHighDateTime << 32) | user.dwLowDateTime;
    return (int64_t)(k + u) * 100;
  }
  return (int64_t)GetTickCount64() * 1000000;
#else
  struct timespec ts;
#ifdef CLOCK_THREAD_CPUTIME_ID
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0) {
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
  }
#endif
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
#endif
}

// tree-sitter calls this every hundred or so parse operations; returning
// true stops the parse.
static bool rs_over_budget(rs_parse_state *state) {
  rs_parse_job *job = state->payload;
  return rs_thread_cpu_ns() > job->deadline_ns;
}

// rs_parse parses src within budget_ns of CPU time. On overrun it returns
// NULL and resets the parser, which would otherwise resume the abandoned
// parse on its next use.
static TSTree *rs_parse(TSParser *parser, const TSTree *old, const char *src, uint32_t len, int64_t budget_ns) {
  rs_parse_job job = {src, len, rs_thread_cpu_ns() + budget_ns};
  rs_input input = {&job, rs_read, 0, NULL};
  rs_parse_options opts = {&job, rs_over_budget};
  TSTree *tree = ts_parser_parse_with_options(parser, old, input, opts);
  if (tree == NULL) {
    ts_parser_reset(parser);
  }
  return tree;
}
*/
import "C"

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
	"unsafe"

	sitter "github.com/tree-sitter/go-tree-sitter"
)

// A file gets a budget of CPU time for each phase of its analysis (parsing;
// fact extraction and single-file checks), scaled with its size. Healthy
// files take a small fraction of it: on a slow machine, 2 MB (the largest
// file analyzed) parses in about half a second, against a budget of 11 s.
// Some short texts send tree-sitter's error recovery into time that grows
// exponentially with the input (half-typed JSX attributes do); the budget
// turns those into a skipped file instead of a stuck analysis.
const (
	budgetBase   = time.Second
	budgetPerMiB = 5 * time.Second
	bytesPerMiB  = 1 << 20
	minBudget    = time.Millisecond
)

// budgetScale multiplies every budget; tests shrink it so that an overrun
// takes milliseconds.
var budgetScale atomic.Int64

func init() { budgetScale.Store(1000) }

// Budget returns the time one phase of the analysis of a file of n bytes
// may take.
func Budget(n int) time.Duration {
	d := budgetBase + time.Duration(int64(budgetPerMiB)*int64(n)/bytesPerMiB)
	d = d * time.Duration(budgetScale.Load()) / 1000
	return max(d, minBudget)
}

// ScaleBudgetForTest multiplies every budget by permille/1000 until the
// returned function restores it. Only tests call it.
func ScaleBudgetForTest(permille int64) (restore func()) {
	old := budgetScale.Swap(permille)
	return func() { budgetScale.Store(old) }
}

// BudgetError says that a phase of a file's analysis exceeded its budget.
type BudgetError struct {
	Phase  string // "parse", "analysis"
	Size   int    // bytes
	Budget time.Duration
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("%s exceeded its time budget (%s for %d bytes)", e.Phase, e.Budget.Round(time.Millisecond), e.Size)
}

// rawParser extracts the C parser pointer: sitter.Parser's only field.
func rawParser(p *sitter.Parser) *C.TSParser {
	return *(**C.TSParser)(unsafe.Pointer(p))
}

// wrapTree makes a sitter.Tree of a C tree, as the binding does: the
// struct's only field is the pointer, and it has no finalizer.
func wrapTree(raw *C.TSTree) *sitter.Tree {
	t := new(sitter.Tree)
	*(**C.TSTree)(unsafe.Pointer(t)) = raw
	return t
}

// parseWithin parses src (reusing old's unchanged subtrees when old is not
// nil) within Budget(len(src)) of the parsing thread's CPU time.
func (l *langTables) parseWithin(src []byte, old *sitter.Tree) (*sitter.Tree, error) {
	budget := Budget(len(src))
	p := l.getParser()
	defer l.putParser(p)
	var oldRaw *C.TSTree
	if old != nil {
		oldRaw = rawTree(old)
	}
	var data *C.char
	if len(src) > 0 {
		data = (*C.char)(unsafe.Pointer(&src[0]))
	}
	raw := C.rs_parse(rawParser(p), oldRaw, data, C.uint32_t(len(src)), C.int64_t(budget))
	runtime.KeepAlive(src)
	if raw == nil {
		return nil, &BudgetError{Phase: "parse", Size: len(src), Budget: budget}
	}
	liveTrees.Add(1)
	return wrapTree(raw), nil
}

// Deadline is a wall-clock limit on the work after parsing (fact
// extraction, checks). Those phases run Go code, which moves between
// threads, so they cannot be charged by thread CPU time; the budget is
// generous enough for a loaded machine.
type Deadline struct {
	at   time.Time
	size int
	d    time.Duration
	n    uint32
}

// NewDeadline starts the analysis budget of a file of size bytes.
func NewDeadline(size int) *Deadline {
	d := Budget(size)
	return &Deadline{at: time.Now().Add(d), size: size, d: d}
}

// Check panics with a *BudgetError once the deadline has passed. Loops
// whose work grows with the input call it on each step; it reads the clock
// only every 1024 calls. A nil Deadline never expires.
func (dl *Deadline) Check() {
	if dl == nil {
		return
	}
	dl.n++
	if dl.n&1023 != 0 {
		return
	}
	dl.CheckNow()
}

// CheckNow is Check without the sampling, for places called rarely.
func (dl *Deadline) CheckNow() {
	if dl != nil && time.Now().After(dl.at) {
		panic(&BudgetError{Phase: "analysis", Size: dl.size, Budget: dl.d})
	}
}
