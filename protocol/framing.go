package protocol

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// errBadHeader ends the connection: once a header is malformed, where the
// next message starts is unknown. The specification defines no recovery,
// and gopls and vscode-jsonrpc give up on the stream too.
var errBadHeader = errors.New("malformed LSP header")

// maxContentLength bounds a message's declared length, as jsonrpc2 does.
const maxContentLength = 1 << 30

// stream is the LSP base protocol (Content-Length header, then a JSON-RPC
// message) on a byte stream. It replaces jsonrpc2's header framing, which
// closes the connection on any message it cannot decode. Here a message
// whose frame is intact but whose content is not a valid JSON-RPC request
// is answered as JSON-RPC 2.0 says (-32700 or -32600) and skipped.
type stream struct {
	conn io.ReadWriteCloser
	in   *bufio.Reader // its buffer size bounds a header line
	logf func(format string, args ...any)

	wmu  sync.Mutex // one frame per Write
	wbuf []byte
	body []byte
}

func newStream(conn io.ReadWriteCloser) *stream {
	return &stream{conn: conn, in: bufio.NewReader(conn), logf: func(string, ...any) {}}
}

// Read returns the next valid message. Each frame gets its own buffer, so
// a request's method and params stay valid after the next Read.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		n, hlen, err := s.readHeader()
		if err != nil {
			return nil, 0, err
		}
		body, err := readBody(s.in, n)
		if err != nil {
			return nil, 0, err
		}
		if msg, ok := s.decode(ctx, body); ok {
			return msg, int64(hlen + n), nil
		}
	}
}

// decode decodes one message body, or answers it with an error and
// reports false.
func (s *stream) decode(ctx context.Context, body []byte) (jsonrpc2.Message, bool) {
	if msg, err := jsonrpc2.DecodeMessage(body); err == nil && !hasNullID(msg, body) {
		return msg, true
	}
	code, what := jsonrpc2.InvalidRequest, "not a valid JSON-RPC request"
	if !json.Valid(body) {
		code, what = jsonrpc2.ParseError, "not JSON"
	}
	members, isObject := objectMembers(body)
	switch {
	case isObject && members["method"] == nil && (members["id"] != nil || members["result"] != nil || members["error"] != nil):
		// Meant as a response: an error answer with its id would reach the
		// peer as the answer to its own request with that id.
		s.logf("dropped an invalid response: %s", clip(body))
		return nil, false
	case bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")):
		what = "a batch: LSP does not allow JSON-RPC batches"
	}
	// The id is echoed when it can be read, so the client can match the
	// answer; otherwise it is null, as JSON-RPC 2.0 says.
	id := jsonrpc2.ID{}
	if raw := members["id"]; raw != nil {
		var str string
		if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
			id = jsonrpc2.NewNumberID(n)
		} else if raw[0] == '"' && json.Unmarshal(raw, &str) == nil {
			id = jsonrpc2.NewStringID(str)
		}
	}
	s.logf("answered %d to a message that is %s: %s", code, what, clip(body))
	if _, err := s.writeFrame(ctx, func(b []byte) []byte {
		return jsonrpc2.AppendResponse(b, id, nil, jsonrpc2.NewError(code, "rscls: the message is "+what))
	}); err != nil {
		s.logf("answering an invalid message: %v", err)
	}
	return nil, false
}

// hasNullID reports a request with "id": null, which jsonrpc2 takes for a
// notification. LSP ids are integers or strings, and JSON-RPC answers
// every request that has an id member.
func hasNullID(msg jsonrpc2.Message, body []byte) bool {
	if _, ok := msg.(*jsonrpc2.Notification); !ok || !bytes.Contains(body, []byte(`"id"`)) {
		return false // the usual case, decided without decoding the body again
	}
	members, _ := objectMembers(body)
	return members["id"] != nil
}

// objectMembers returns the members of a JSON object, or ok=false.
func objectMembers(body []byte) (map[string]json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil || m == nil {
		return nil, false
	}
	return m, true
}

// clip shortens a message for the log.
func clip(b []byte) string {
	if len(b) > 200 {
		return fmt.Sprintf("%q... (%d bytes)", b[:200], len(b))
	}
	return fmt.Sprintf("%q", b)
}

// readHeader reads a header block and returns the declared content length
// and the header's size. Unknown fields (Content-Type among them) are
// ignored; a field name must be an HTTP token, so that a body sent without
// the blank line is not read as a header.
func (s *stream) readHeader() (length, size int, err error) {
	length = -1
	for {
		line, err := s.in.ReadSlice('\n')
		size += len(line)
		switch {
		case err == io.EOF && size == 0:
			return 0, 0, io.EOF // closed between messages
		case err == io.EOF:
			return 0, 0, io.ErrUnexpectedEOF
		case err == bufio.ErrBufferFull:
			return 0, 0, fmt.Errorf("%w: a header line longer than %d bytes", errBadHeader, s.in.Size())
		case err != nil:
			return 0, 0, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			break
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !isToken(name) {
			return 0, 0, fmt.Errorf("%w: %q is not a header field", errBadHeader, clipLine(line))
		}
		if !bytes.EqualFold(name, []byte("Content-Length")) {
			continue
		}
		value = bytes.TrimSpace(value)
		n, err := strconv.Atoi(string(value))
		if err != nil || n < 0 || n > maxContentLength || length >= 0 && n != length {
			return 0, 0, fmt.Errorf("%w: Content-Length %q", errBadHeader, clipLine(value))
		}
		length = n
	}
	if length < 0 {
		return 0, 0, fmt.Errorf("%w: no Content-Length", errBadHeader)
	}
	return length, size, nil
}

func clipLine(b []byte) []byte {
	if len(b) > 60 {
		return b[:60]
	}
	return b
}

// isToken reports whether b is an HTTP header field name.
func isToken(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// readBody reads n bytes. The buffer grows with the bytes that arrive, not
// with the declared length: a bogus Content-Length must not allocate it.
func readBody(r io.Reader, n int) ([]byte, error) {
	const step = 64 << 10
	b := make([]byte, 0, min(n, step))
	for len(b) < n {
		if len(b) == cap(b) {
			b = slices.Grow(b, min(len(b), n-len(b)))
		}
		m, err := r.Read(b[len(b):min(cap(b), n)])
		b = b[:len(b)+m]
		if err != nil && len(b) < n {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
	}
	return b, nil
}

// Write sends msg as one frame.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	return s.writeFrame(ctx, func(b []byte) []byte { return jsonrpc2.AppendMessage(b, msg) })
}

func (s *stream) writeFrame(ctx context.Context, appendBody func([]byte) []byte) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.body = appendBody(s.body[:0])
	b := append(s.wbuf[:0], "Content-Length: "...)
	b = strconv.AppendInt(b, int64(len(s.body)), 10)
	b = append(b, "\r\n\r\n"...)
	b = append(b, s.body...)
	s.wbuf = b
	n, err := s.conn.Write(b)
	return int64(n), err
}

func (s *stream) Close() error { return s.conn.Close() }
