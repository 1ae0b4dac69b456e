#pragma once

#include <cstdint>
#include <string_view>

namespace trygg {

/// How long-running work reports progress and learns that the user cancelled.
/// Work calls `update` now and then and stops with ErrorCode::Cancelled once
/// `isCancelled` is true; the GUI and the terminal each implement it.
class Progress {
public:
    virtual ~Progress() = default;
    /// `total` is 0 when unknown.
    virtual void update(std::uint64_t done, std::uint64_t total) {
        static_cast<void>(done);
        static_cast<void>(total);
    }
    virtual void setStage(std::string_view stage) { static_cast<void>(stage); }
    [[nodiscard]] virtual bool isCancelled() const { return false; }

    /// A sink that reports nowhere and never cancels.
    static Progress& none();
};

} // namespace trygg
