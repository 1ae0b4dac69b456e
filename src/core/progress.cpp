#include "tryggkarta/core/progress.h"

namespace trygg {

Progress& Progress::none() {
    static Progress silent;
    return silent;
}

} // namespace trygg
