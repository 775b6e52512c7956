package rng

// This file holds the MT19937 core, seeded and stepped exactly as NumPy's
// numpy/random/src/mt19937/mt19937.{c,h} (the generator behind the legacy
// RandomState).

const (
	mtN         = 624
	mtM         = 397
	mtMatrixA   = 0x9908b0df
	mtUpperMask = 0x80000000
	mtLowerMask = 0x7fffffff
)

// mt19937 is the Mersenne Twister state: 624 words and a read position.
type mt19937 struct {
	key [mtN]uint32
	pos int
}

// seed is NumPy's mt19937_seed, identical to the reference init_genrand.
func (mt *mt19937) seed(s uint32) {
	for i := 0; i < mtN; i++ {
		mt.key[i] = s
		s = 1812433253*(s^(s>>30)) + uint32(i+1)
	}
	mt.pos = mtN
}

// seedByArray is NumPy's mt19937_init_by_array (the reference
// init_by_array), used by np.random.seed([k0, k1, ...]).
func (mt *mt19937) seedByArray(key []uint32) {
	mt.seed(19650218)
	k := len(key)
	if mtN > k {
		k = mtN
	}
	i, j := 1, 0
	for ; k > 0; k-- {
		prev := mt.key[i-1]
		mt.key[i] = (mt.key[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt.key[0] = mt.key[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		prev := mt.key[i-1]
		mt.key[i] = (mt.key[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt.key[0] = mt.key[mtN-1]
			i = 1
		}
	}
	mt.key[0] = 0x80000000 // MSB is 1, assuring a non-zero initial array
}

// gen refills the whole key array (mt19937_gen).
func (mt *mt19937) gen() {
	var y uint32
	i := 0
	for ; i < mtN-mtM; i++ {
		y = (mt.key[i] & mtUpperMask) | (mt.key[i+1] & mtLowerMask)
		mt.key[i] = mt.key[i+mtM] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	}
	for ; i < mtN-1; i++ {
		y = (mt.key[i] & mtUpperMask) | (mt.key[i+1] & mtLowerMask)
		mt.key[i] = mt.key[i+mtM-mtN] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	}
	y = (mt.key[mtN-1] & mtUpperMask) | (mt.key[0] & mtLowerMask)
	mt.key[mtN-1] = mt.key[mtM-1] ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
	mt.pos = 0
}

// next32 returns the next tempered 32-bit output (mt19937_next).
func (mt *mt19937) next32() uint32 {
	if mt.pos == mtN {
		mt.gen()
	}
	y := mt.key[mt.pos]
	mt.pos++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// next64 is mt19937_next64: the first 32-bit draw is the high half
// (verified against NumPy: randint(0, 2**64, dtype=uint64)).
func (mt *mt19937) next64() uint64 {
	hi := uint64(mt.next32())
	return hi<<32 | uint64(mt.next32())
}

// nextDouble is mt19937_next_double: a 53-bit double in [0, 1) built from
// two draws, (a>>5)*2^26 + (b>>6), divided by 2^53. Every operation is
// exact, so there is no rounding to match.
func (mt *mt19937) nextDouble() float64 {
	a := mt.next32() >> 5
	b := mt.next32() >> 6
	return (float64(float64(a)*67108864.0) + float64(b)) / 9007199254740992.0
}
