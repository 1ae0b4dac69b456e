#include <catch2/catch.hpp>

#include "tryggkarta/render/view_transform.h"

using trygg::Box;
using trygg::Point;
using trygg::ViewTransform;

TEST_CASE("view transform: the centre is the middle pixel, y grows downwards") {
    const ViewTransform view(Point{733107.0, 7096069.0}, 0.5, QSize(1920, 1080));
    QPointF centre = view.toScreen(Point{733107.0, 7096069.0});
    CHECK(centre.x() == Approx(960.0));
    CHECK(centre.y() == Approx(540.0));

    QPointF east = view.toScreen(Point{733207.0, 7096069.0}); // 100 m east at 0.5 m/px
    CHECK(east.x() == Approx(1160.0));
    CHECK(east.y() == Approx(540.0));
    QPointF north = view.toScreen(Point{733107.0, 7096119.0}); // 50 m north
    CHECK(north.x() == Approx(960.0));
    CHECK(north.y() == Approx(440.0));

    Box visible = view.visibleExtent();
    CHECK(visible.min_corner().x() == Approx(733107.0 - 480.0));
    CHECK(visible.max_corner().x() == Approx(733107.0 + 480.0));
    CHECK(visible.min_corner().y() == Approx(7096069.0 - 270.0));
    CHECK(visible.max_corner().y() == Approx(7096069.0 + 270.0));

    QRectF rect = view.toScreen(Box{Point{733107.0, 7096069.0}, Point{733117.0, 7096079.0}});
    CHECK(rect.left() == Approx(960.0));
    CHECK(rect.top() == Approx(520.0));
    CHECK(rect.width() == Approx(20.0));
    CHECK(rect.height() == Approx(20.0));
}

TEST_CASE("view transform: toMap undoes toScreen") {
    const ViewTransform view(Point{125680.0, 7090306.0}, 0.37, QSize(801, 603), 150.0);
    for (Point p : {Point{125680.0, 7090306.0}, Point{125500.25, 7090400.5}, Point{125900.0, 7090100.0}}) {
        Point back = view.toMap(view.toScreen(p));
        CHECK(back.x() == Approx(p.x()).margin(1e-6));
        CHECK(back.y() == Approx(p.y()).margin(1e-6));
    }
    QPointF pixel(12.5, 590.25);
    QPointF again = view.toScreen(view.toMap(pixel));
    CHECK(again.x() == Approx(pixel.x()));
    CHECK(again.y() == Approx(pixel.y()));
}

TEST_CASE("view transform: zooming keeps the anchor's map point under the anchor") {
    const ViewTransform view(Point{733107.0, 7096069.0}, 2.0, QSize(1000, 800));
    const QPointF anchor(150.0, 620.0);
    const Point before = view.toMap(anchor);
    for (double factor : {2.0, 0.5, 1.25}) {
        ViewTransform zoomed = view.zoomedAround(anchor, factor);
        CHECK(zoomed.metresPerPixel() == Approx(2.0 / factor));
        Point after = zoomed.toMap(anchor);
        CHECK(after.x() == Approx(before.x()).margin(1e-6));
        CHECK(after.y() == Approx(before.y()).margin(1e-6));
    }
}

TEST_CASE("view transform: scale at 96 dpi, fitting, panning") {
    const ViewTransform view(Point{0.0, 0.0}, 1.0, QSize(100, 100), 96.0);
    CHECK(view.scaleDenominator() == Approx(3779.5275591)); // 1 m per 0.2646 mm pixel
    CHECK(view.withScale(2000.0).metresPerPixel() == Approx(2000.0 * 0.0254 / 96.0));
    CHECK(view.withScale(2000.0).scaleDenominator() == Approx(2000.0));
    CHECK(ViewTransform(Point{0, 0}, 1.0, QSize(100, 100), 300.0).scaleDenominator() == Approx(11811.023622));
    CHECK(view.pixelsForMillimetres(25.4) == Approx(96.0));

    // 1000 × 500 m into 1000 × 1000 px with 5 % margins: the width decides, 900 px for 1000 m.
    ViewTransform fitted = ViewTransform::fitting(Box{Point{1000.0, 2000.0}, Point{2000.0, 2500.0}},
                                                  QSize(1000, 1000), 0.05);
    CHECK(fitted.metresPerPixel() == Approx(1000.0 / 900.0));
    CHECK(fitted.center().x() == Approx(1500.0));
    CHECK(fitted.center().y() == Approx(2250.0));
    CHECK(fitted.toScreen(Point{1000.0, 2250.0}).x() == Approx(50.0));
    // Aspect ratio kept: 500 m of height is 450 px, not stretched to 900.
    CHECK(fitted.toScreen(Point{1500.0, 2500.0}).y() == Approx(500.0 - 225.0));

    ViewTransform dragged = view.panned(QPointF(10.0, -20.0));
    CHECK(dragged.center().x() == Approx(-10.0));
    CHECK(dragged.center().y() == Approx(-20.0));
    CHECK(view.withSize(QSize(300, 200)).size() == QSize(300, 200));
    CHECK(view.withCenter(Point{5.0, 6.0}).center().y() == Approx(6.0));
}
