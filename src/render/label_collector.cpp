#include "label_collector.h"

#include "feature_painter.h"

#include <boost/geometry.hpp> // area and centroid with their cartesian strategies

#include <cmath>
#include <numbers>

namespace trygg::render {
namespace {

/// Cuts a segment to the rectangle (Liang–Barsky); false when nothing of it is inside.
bool clipToRect(QPointF& a, QPointF& b, const QRectF& rect) {
    double t0 = 0.0;
    double t1 = 1.0;
    const QPointF d = b - a;
    const double p[4] = {-d.x(), d.x(), -d.y(), d.y()};
    const double q[4] = {a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(), rect.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) {
                return false;
            }
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0) {
            t0 = std::max(t0, t);
        } else {
            t1 = std::min(t1, t);
        }
    }
    if (t0 > t1) {
        return false;
    }
    const QPointF start = a;
    a = start + d * t0;
    b = start + d * t1;
    return true;
}

/// Degrees in (-90, 90]: text along the segment reads left to right, never upside down.
double readableAngle(QPointF a, QPointF b) {
    double angle = std::atan2(b.y() - a.y(), b.x() - a.x()) * 180.0 / std::numbers::pi;
    if (angle > 90.0) {
        angle -= 180.0;
    } else if (angle <= -90.0) {
        angle += 180.0;
    }
    return angle;
}

} // namespace

LabelCollector::LabelCollector(const LayerDef& definition, const ViewTransform& view, std::string language)
    : m_definition(definition), m_view(view), m_language(std::move(language)) {
    if (!definition.symbology.labelField.empty()) {
        m_field = definition.fieldIndex(definition.symbology.labelField);
    }
}

QString LabelCollector::textOf(const Feature& feature) const {
    if (!m_field || *m_field >= feature.values.size()) {
        return {};
    }
    std::string text = toDisplayString(feature.values[*m_field]);
    const FieldDef& field = m_definition.fields[*m_field];
    if (const CodedValue* coded = field.findCode(text)) {
        text = coded->label.in(m_language);
    }
    return QString::fromStdString(text);
}

std::optional<LabelCandidate> LabelCollector::alongLine(const LineString& line) const {
    QPolygonF screen;
    toScreenSimplified(line, m_view, screen);
    const QRectF rect(QPointF(0, 0), QSizeF(m_view.size()));
    std::optional<LabelCandidate> best;
    for (qsizetype i = 0; i + 1 < screen.size(); ++i) {
        QPointF a = screen[i];
        QPointF b = screen[i + 1];
        if (!clipToRect(a, b, rect)) {
            continue;
        }
        const double length = std::hypot(b.x() - a.x(), b.y() - a.y());
        if (!best || length > best->room) {
            best = LabelCandidate{LabelCandidate::Kind::Line, {}, (a + b) / 2.0, readableAngle(a, b), 0.0, length};
        }
    }
    return best;
}

void LabelCollector::add(const Feature& feature, const ResolvedStyle& style,
                         std::vector<LabelCandidate>& out) const {
    if (!feature.geometry) {
        return;
    }
    QString text = textOf(feature);
    if (text.isEmpty()) {
        return;
    }
    std::optional<LabelCandidate> candidate;
    std::visit(
        [&](const auto& shape) {
            using T = std::decay_t<decltype(shape)>;
            if constexpr (std::is_same_v<T, Point>) {
                candidate = LabelCandidate{LabelCandidate::Kind::Point, {}, m_view.toScreen(shape),
                                           0.0, style.paint.symbolPixels / 2.0, 0.0};
            } else if constexpr (std::is_same_v<T, MultiPoint>) {
                if (!shape.empty()) {
                    candidate = LabelCandidate{LabelCandidate::Kind::Point, {}, m_view.toScreen(shape.front()),
                                               0.0, style.paint.symbolPixels / 2.0, 0.0};
                }
            } else if constexpr (std::is_same_v<T, LineString>) {
                candidate = alongLine(shape);
            } else if constexpr (std::is_same_v<T, MultiLineString>) {
                for (const LineString& part : shape) {
                    auto along = alongLine(part);
                    if (along && (!candidate || along->room > candidate->room)) {
                        candidate = along;
                    }
                }
            } else if constexpr (std::is_same_v<T, Polygon>) {
                if (shape.outer().size() < 3) {
                    return; // Boost's centroid throws on an empty ring
                }
                Point centre;
                bg::centroid(shape, centre);
                candidate = LabelCandidate{LabelCandidate::Kind::Area, {}, m_view.toScreen(centre), 0.0, 0.0, 0.0};
            } else {
                const Polygon* largest = nullptr;
                double largestArea = -1.0;
                for (const Polygon& part : shape) {
                    const double area = std::abs(bg::area(part));
                    if (part.outer().size() >= 3 && area > largestArea) {
                        largestArea = area;
                        largest = &part;
                    }
                }
                if (largest != nullptr) {
                    Point centre;
                    bg::centroid(*largest, centre);
                    candidate = LabelCandidate{LabelCandidate::Kind::Area, {}, m_view.toScreen(centre), 0.0, 0.0, 0.0};
                }
            }
        },
        *feature.geometry);
    if (candidate) {
        candidate->text = std::move(text);
        out.push_back(std::move(*candidate));
    }
}

} // namespace trygg::render
