// PNG, PDF and SVG through the one renderer. Each file is written beside its destination
// and renamed over it, so a reader never sees half a map and a failure leaves the old one.

#include "tryggkarta/render/map_renderer.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cctype>
#include <string>

namespace trygg {
namespace {

std::string lowerExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::ranges::transform(extension, extension.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

QString qtPath(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

QString documentTitle(const MapScene& scene) {
    return QString::fromStdString(scene.decorations.title.empty() ? std::string("Tryggkarta") : scene.decorations.title);
}

/// Paints the view on a vector device whose page is the view's size at the view's dpi.
Result<void> paintOn(QPaintDevice& device, const MapScene& scene, const ViewTransform& view,
                     const std::filesystem::path& target) {
    QPainter painter;
    if (!painter.begin(&device)) {
        return fail(ErrorCode::WriteFailed, "cannot write the map", target.string());
    }
    // The device may round the page to whole units of its resolution: scale the view onto it.
    painter.scale(device.width() / static_cast<double>(view.size().width()),
                  device.height() / static_cast<double>(view.size().height()));
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(view.size())), Qt::white);
    MapRenderer().render(painter, scene, view);
    if (!painter.end()) {
        return fail(ErrorCode::WriteFailed, "cannot write the map", target.string());
    }
    return {};
}

Result<void> writePdf(const std::filesystem::path& temporary, const MapScene& scene, const ViewTransform& view,
                      const std::filesystem::path& target) {
    QPdfWriter writer(qtPath(temporary));
    writer.setResolution(std::max(1, static_cast<int>(std::lround(view.dpi()))));
    const QSizeF pageMm(view.size().width() / view.dpi() * 25.4, view.size().height() / view.dpi() * 25.4);
    writer.setPageLayout(QPageLayout(QPageSize(pageMm, QPageSize::Millimeter, QString(), QPageSize::ExactMatch),
                                     QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(documentTitle(scene));
    writer.setCreator(QStringLiteral("Tryggkarta"));
    return paintOn(writer, scene, view, target);
}

Result<void> writeSvg(const std::filesystem::path& temporary, const MapScene& scene, const ViewTransform& view,
                      const std::filesystem::path& target) {
    QSvgGenerator generator;
    generator.setFileName(qtPath(temporary));
    generator.setSize(view.size());
    generator.setViewBox(QRect(QPoint(0, 0), view.size()));
    generator.setResolution(std::max(1, static_cast<int>(std::lround(view.dpi()))));
    generator.setTitle(documentTitle(scene));
    generator.setDescription(QString::fromStdString(scene.decorations.sourceNote));
    return paintOn(generator, scene, view, target);
}

Result<void> writePng(const std::filesystem::path& temporary, const MapScene& scene, const ViewTransform& view,
                      const std::filesystem::path& target) {
    QImage image = MapRenderer().renderImage(scene, view);
    if (!image.save(qtPath(temporary), "PNG")) {
        return fail(ErrorCode::WriteFailed, "cannot write the PNG file", target.string());
    }
    return {};
}

} // namespace

Result<void> writeMap(const std::filesystem::path& path, const MapScene& scene, const ViewTransform& view) {
    const std::string extension = lowerExtension(path);
    auto writer = extension == ".png"   ? &writePng
                  : extension == ".pdf" ? &writePdf
                  : extension == ".svg" ? &writeSvg
                                        : nullptr;
    if (writer == nullptr) {
        return fail(ErrorCode::Usage, "unknown map format; use .png, .pdf or .svg", path.string());
    }
    if (view.size().isEmpty()) {
        return fail(ErrorCode::Usage, "the map has no size", path.string());
    }
    std::filesystem::path temporary = path;
    temporary.replace_filename("." + path.filename().string() + ".partial");
    Result<void> written = writer(temporary, scene, view, path);
    std::error_code ec;
    if (written) {
        std::filesystem::rename(temporary, path, ec);
        if (ec) {
            written = fail(ErrorCode::WriteFailed, "cannot move the map into place", path.string(), ec.message());
        }
    }
    if (!written) {
        std::filesystem::remove(temporary, ec);
    }
    return written;
}

} // namespace trygg
