// Second compilation unit of the fuzz seeds.
__attribute__((noinline)) int other(int n) {
  return n > 1 ? n * other(n - 1) : 1;
}
