#include "label_placer.h"

#include "text_halo.h"

#include <QFontMetricsF>
#include <QTransform>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace trygg::render {
namespace {

constexpr int kCellPixels = 64;
// Labels keep this much air between them: touching halos read as one label.
constexpr double kGapPixels = 1.0;
const QColor kTextColour(0x20, 0x20, 0x20);

bool separatedAlongEdges(const QPolygonF& a, const QPolygonF& b, double gap) {
    for (qsizetype i = 0; i < a.size(); ++i) {
        QPointF edge = a[(i + 1) % a.size()] - a[i];
        QPointF axis(-edge.y(), edge.x());
        double length = std::hypot(axis.x(), axis.y());
        if (length == 0.0) {
            continue;
        }
        axis /= length;
        auto project = [&](const QPolygonF& polygon) {
            double low = std::numeric_limits<double>::max();
            double high = std::numeric_limits<double>::lowest();
            for (const QPointF& p : polygon) {
                double d = QPointF::dotProduct(p, axis);
                low = std::min(low, d);
                high = std::max(high, d);
            }
            return std::pair{low, high};
        };
        auto [aLow, aHigh] = project(a);
        auto [bLow, bHigh] = project(b);
        if (aHigh + gap <= bLow || bHigh + gap <= aLow) {
            return true;
        }
    }
    return false;
}

} // namespace

bool convexOverlap(const QPolygonF& a, const QPolygonF& b, double gap) {
    return !separatedAlongEdges(a, b, gap) && !separatedAlongEdges(b, a, gap);
}

LabelPlacer::LabelPlacer(QPainter& painter, QSize viewSize, double fontPixels, double haloPixels)
    : m_painter(painter), m_screen(QPointF(0, 0), QSizeF(viewSize)), m_halo(haloPixels) {
    m_font.setFamily(QStringLiteral("DejaVu Sans"));
    m_font.setStyleHint(QFont::SansSerif);
    m_font.setPixelSize(std::max(1, static_cast<int>(std::lround(fontPixels))));
    QFontMetricsF metrics(m_font, painter.device());
    m_ascent = metrics.ascent();
    m_descent = metrics.descent();
    m_columns = viewSize.width() / kCellPixels + 1;
    m_rows = viewSize.height() / kCellPixels + 1;
    m_grid.resize(static_cast<std::size_t>(m_columns) * static_cast<std::size_t>(m_rows));
}

bool LabelPlacer::place(const LabelCandidate& candidate) {
    if (candidate.text.isEmpty()) {
        return false;
    }
    const double width = QFontMetricsF(m_font, m_painter.device()).horizontalAdvance(candidate.text);
    const double middle = (m_ascent - m_descent) / 2.0; // baseline offset that centres the text
    std::vector<QPointF> origins;
    double angle = 0.0;
    switch (candidate.kind) {
    case LabelCandidate::Kind::Line: {
        if (width > candidate.room) {
            return false; // would hang off its street: not an overlap, just too long here
        }
        // The anchor is the segment's middle: step back half the text along the segment
        // and down half the text across it.
        angle = candidate.angle;
        const double radians = angle * std::numbers::pi / 180.0;
        const QPointF along(std::cos(radians), std::sin(radians));
        const QPointF across(-along.y(), along.x());
        origins.push_back(candidate.anchor - along * (width / 2.0) + across * middle);
        break;
    }
    case LabelCandidate::Kind::Area:
        origins.emplace_back(candidate.anchor.x() - width / 2.0, candidate.anchor.y() + middle);
        break;
    case LabelCandidate::Kind::Point: {
        const double away = candidate.offset + m_halo + 1.0;
        const QPointF at = candidate.anchor;
        origins = {QPointF(at.x() + away, at.y() + middle), QPointF(at.x() - away - width, at.y() + middle),
                   QPointF(at.x() - width / 2.0, at.y() - away - m_descent),
                   QPointF(at.x() - width / 2.0, at.y() + away + m_ascent)};
        break;
    }
    }
    bool onScreen = false;
    for (QPointF origin : origins) {
        QPolygonF box = boxFor(origin, angle, width);
        if (!box.boundingRect().intersects(m_screen)) {
            continue;
        }
        onScreen = true;
        if (fits(box)) {
            remember(box);
            draw(candidate.text, origin, angle, width);
            return true;
        }
    }
    if (onScreen) {
        ++m_skipped;
    }
    return false;
}

QPolygonF LabelPlacer::boxFor(QPointF origin, double angle, double width) const {
    QRectF local(-m_halo, -m_ascent - m_halo, width + 2.0 * m_halo, m_ascent + m_descent + 2.0 * m_halo);
    QTransform transform;
    transform.translate(origin.x(), origin.y());
    transform.rotate(angle);
    QPolygonF box = transform.map(QPolygonF(local));
    box.removeLast(); // QPolygonF(QRectF) closes the ring; the overlap test wants 4 corners
    return box;
}

template <typename Visit>
void LabelPlacer::forCells(const QRectF& bounds, Visit&& visit) const {
    auto clampCell = [](double pixels, int count) {
        return std::clamp(static_cast<int>(std::floor(pixels / kCellPixels)), 0, count - 1);
    };
    const int left = clampCell(bounds.left() - kGapPixels, m_columns);
    const int right = clampCell(bounds.right() + kGapPixels, m_columns);
    const int top = clampCell(bounds.top() - kGapPixels, m_rows);
    const int bottom = clampCell(bounds.bottom() + kGapPixels, m_rows);
    for (int row = top; row <= bottom; ++row) {
        for (int column = left; column <= right; ++column) {
            if (!visit(static_cast<std::size_t>(row) * static_cast<std::size_t>(m_columns) +
                       static_cast<std::size_t>(column))) {
                return;
            }
        }
    }
}

bool LabelPlacer::fits(const QPolygonF& box) const {
    bool free = true;
    forCells(box.boundingRect(), [&](std::size_t cell) {
        for (std::size_t index : m_grid[cell]) {
            if (convexOverlap(box, m_placed[index], kGapPixels)) {
                free = false;
                return false;
            }
        }
        return true;
    });
    return free;
}

void LabelPlacer::remember(const QPolygonF& box) {
    const std::size_t index = m_placed.size();
    m_placed.push_back(box);
    forCells(box.boundingRect(), [&](std::size_t cell) {
        m_grid[cell].push_back(index);
        return true;
    });
}

void LabelPlacer::draw(const QString& text, QPointF origin, double angle, double width) {
    drawTextHalo(m_painter, m_font, text, TextPlacement{origin, angle, width}, m_halo);
    m_painter.save();
    m_painter.translate(origin);
    m_painter.rotate(angle);
    // Real text over the halo, so a PDF's labels can be searched and copied.
    m_painter.setFont(m_font);
    m_painter.setPen(kTextColour);
    m_painter.drawText(QPointF(0, 0), text);
    m_painter.restore();
}

} // namespace trygg::render
