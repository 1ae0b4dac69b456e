#pragma once

#include "tryggkarta/core/crs.h"
#include "tryggkarta/io/crs_transform.h"
#include "tryggkarta/render/view_transform.h"

#include <QComboBox>
#include <QLabel>
#include <QWidget>

#include <optional>

namespace trygg {

/// The status-bar read-out: the cursor in SWEREF 99 TM, SWEREF 99 20 15 and WGS 84, and the
/// scale 1:N, which the user can type.
class PositionReadout : public QWidget {
    Q_OBJECT
public:
    explicit PositionReadout(QWidget* parent = nullptr);

    /// The CRS the map is drawn in; positions arrive in it.
    void setMapCrs(const Crs& crs);
    void showPosition(const Point& mapPosition);
    void showScale(const ViewTransform& view);
    void retranslate();

    /// The texts now shown, for tests.
    [[nodiscard]] QString positionText() const;

signals:
    void scaleRequested(double denominator);

private:
    void applyTypedScale();

    Crs m_mapCrs;
    std::optional<CoordinateTransform> m_toTm;
    std::optional<CoordinateTransform> m_toLocal;
    std::optional<CoordinateTransform> m_toWgs84;
    QLabel* m_tm;
    QLabel* m_local;
    QLabel* m_wgs84;
    QLabel* m_scaleLabel;
    QComboBox* m_scale;
};

/// "1:2 000" style text; parsing accepts "1:2000", "2000", "1 : 2 000".
QString formatScale(double denominator);
std::optional<double> parseScale(const QString& text);

} // namespace trygg
