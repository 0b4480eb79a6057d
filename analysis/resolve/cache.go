package resolve

import (
	"hash/maphash"
	"sync"
)

// cacheShards spreads lock traffic: many goroutines resolve at once, and
// almost every call is a cache hit.
const cacheShards = 32

// syncCache is a concurrent map for values that are computed once and never
// change. Two goroutines may compute the same entry; the first stored wins,
// which is harmless because computations are deterministic.
type syncCache[K comparable, V any] struct {
	seed   maphash.Seed
	shards [cacheShards]cacheShard[K, V]
}

type cacheShard[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

func newSyncCache[K comparable, V any]() *syncCache[K, V] {
	c := &syncCache[K, V]{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = map[K]V{}
	}
	return c
}

func (c *syncCache[K, V]) shard(k K) *cacheShard[K, V] {
	return &c.shards[maphash.Comparable(c.seed, k)%cacheShards]
}

func (c *syncCache[K, V]) get(k K) (V, bool) {
	s := c.shard(k)
	s.mu.RLock()
	v, ok := s.m[k]
	s.mu.RUnlock()
	return v, ok
}

// put stores v unless another goroutine got there first, and returns the
// stored value.
func (c *syncCache[K, V]) put(k K, v V) V {
	s := c.shard(k)
	s.mu.Lock()
	if old, ok := s.m[k]; ok {
		s.mu.Unlock()
		return old
	}
	s.m[k] = v
	s.mu.Unlock()
	return v
}

// getOrCompute returns the cached value for k, computing it on a miss.
func (c *syncCache[K, V]) getOrCompute(k K, compute func() V) V {
	if v, ok := c.get(k); ok {
		return v
	}
	return c.put(k, compute())
}

// values returns every stored value, in no particular order.
func (c *syncCache[K, V]) values() []V {
	var out []V
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.RLock()
		for _, v := range s.m {
			out = append(out, v)
		}
		s.mu.RUnlock()
	}
	return out
}
