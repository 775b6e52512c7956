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

// mt19937 is the Mersenne Twister state: 624 words, their tempered outputs and a read
// position. gen twists the whole state and tempers it in one pass (with AVX2 where the CPU
// has it), so a draw is one array read; the outputs are those of the reference
// generator, word for word.
type mt19937 struct {
	key [mtN]uint32
	out [mtN]uint32 // tempered key, valid from the last gen on
	pos int         // next word of out; mtN when a gen is due
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

// gen refills the whole key array (mt19937_gen) and tempers it into out.
func (mt *mt19937) gen() {
	genState(&mt.key, &mt.out)
	mt.pos = 0
}

// twist is one word of mt19937_gen: key[i] from key[i], key[i+1] and key[m].
func twist(ki, ki1, km uint32) uint32 {
	y := (ki & mtUpperMask) | (ki1 & mtLowerMask)
	return km ^ (y >> 1) ^ (-(y & 1) & mtMatrixA)
}

// temper is MT19937's output tempering.
func temper(y uint32) uint32 {
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// genGo is mt19937_gen in plain Go, followed by the tempering of every word.
func genGo(key, out *[mtN]uint32) {
	i := 0
	for ; i < mtN-mtM; i++ {
		key[i] = twist(key[i], key[i+1], key[i+mtM])
	}
	for ; i < mtN-1; i++ {
		key[i] = twist(key[i], key[i+1], key[i+mtM-mtN])
	}
	key[mtN-1] = twist(key[mtN-1], key[0], key[mtM-1])
	for i, y := range key {
		out[i] = temper(y)
	}
}

// next32 returns the next tempered 32-bit output (mt19937_next).
func (mt *mt19937) next32() uint32 {
	if mt.pos >= mtN {
		mt.gen()
	}
	y := mt.out[mt.pos]
	mt.pos++
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
	if p := mt.pos; p < mtN-1 {
		mt.pos = p + 2
		return double(mt.out[p], mt.out[p+1])
	}
	return mt.nextDoubleSlow()
}

// nextDoubleSlow is nextDouble across a gen.
func (mt *mt19937) nextDoubleSlow() float64 {
	a := mt.next32()
	return double(a, mt.next32())
}

// double is the double of mt19937_next_double made from the tempered words a and b.
func double(a, b uint32) float64 {
	return (float64(float64(a>>5)*67108864.0) + float64(b>>6)) / 9007199254740992.0
}
