// Overloaded{lambdas...}: one visitor for std::visit out of several lambdas.
#ifndef SCHEMADIFF_DIFF_OVERLOADED_H_
#define SCHEMADIFF_DIFF_OVERLOADED_H_

namespace schemadiff {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_OVERLOADED_H_
