// A small program whose debugging information exercises what symbolization reads: namespaces,
// out-of-line methods, templates, inlined helpers, static and extern "C" functions, lambdas.
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace app {

class Store {
 public:
  void Put(int key, std::string value);
  std::size_t Size() const { return items_.size(); }

 private:
  std::map<int, std::string> items_;
};

void Store::Put(int key, std::string value) { items_[key] = std::move(value); }

template <typename T>
T* Allocate(std::size_t n) {
  return static_cast<T*>(std::malloc(n * sizeof(T)));
}

}  // namespace app

static inline int Twice(int x) { return 2 * x; }

extern "C" int retain(int n);

extern "C" int handle(app::Store* s, int n) {
  auto name = [](int k) { return std::to_string(k); };
  for (int i = 0; i < n; i++) {
    s->Put(Twice(i), name(i));
  }
  return retain(n) + static_cast<int>(s->Size());
}
