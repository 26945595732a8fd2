// Fuzz seeds: a tiny freestanding program with two compilation units, an inlined helper, a static
// function and a loop, so its DWARF has units, subprograms with ranges and a line table.
int other(int n);

static inline int square(int x) { return x * x; }

__attribute__((noinline)) static int sum(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    s += square(i);
  }
  return s;
}

void _start(void) {
  volatile int r = sum(10) + other(3);
  (void)r;
  for (;;) {
  }
}
