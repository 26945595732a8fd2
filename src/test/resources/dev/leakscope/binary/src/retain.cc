// Second compilation unit: keeps memory alive through a vector of raw blocks.
#include <cstdlib>
#include <vector>

namespace {
std::vector<void*> kept;

__attribute__((noinline)) void Keep(void* p) { kept.push_back(p); }
}  // namespace

extern "C" int retain(int n) {
  for (int i = 0; i < n; i++) {
    Keep(std::malloc(64));
  }
  return static_cast<int>(kept.size());
}

extern "C" int handle(void* s, int n);

int main(int argc, char** argv) {
  (void)argv;
  return handle(nullptr, argc) > 0 ? 0 : 1;
}
