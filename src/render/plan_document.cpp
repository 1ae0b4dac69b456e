// Writing the plan's pages to a PDF or to PNG files. Both go through a page sink, so the
// layout code does not know which; both appear complete or not at all.

#include "plan_pages.h"
#include "protocol_map.h"
#include "tryggkarta/render/measure_plan.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <memory>

namespace trygg {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// Where the pages go. The painter is active on the current page until finish().
class PageSink {
public:
    virtual ~PageSink() = default;
    [[nodiscard]] virtual QSizeF pageSize() const = 0;
    virtual QPainter& painter() = 0;
    virtual Result<void> newPage() = 0;
    /// Ends the last page and moves the files into place.
    virtual Result<std::vector<std::filesystem::path>> finish() = 0;
};

QPageSize pageSizeOf(PaperSize paper) {
    return QPageSize(paper == PaperSize::A3 ? QPageSize::A3 : QPageSize::A4);
}

/// A PDF written through QSaveFile: beside the target, renamed on commit, discarded when
/// the sink is destroyed without finish().
class PdfSink final : public PageSink {
public:
    PdfSink(const std::filesystem::path& path, const std::string& title, PaperSize paper)
        : m_path(path), m_file(qs(path.string())) {
        if (!m_file.open(QIODevice::WriteOnly)) {
            return;
        }
        m_writer = std::make_unique<QPdfWriter>(&m_file);
        m_writer->setResolution(static_cast<int>(render::kProtocolDpi));
        m_writer->setPageLayout(
            QPageLayout(pageSizeOf(paper), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0)));
        m_writer->setTitle(qs(title));
        m_writer->setCreator(QStringLiteral("Tryggkarta"));
        m_painter.begin(m_writer.get());
    }
    ~PdfSink() override {
        if (m_painter.isActive()) {
            m_painter.end();
        }
    }

    [[nodiscard]] bool isOpen() const { return m_painter.isActive(); }
    [[nodiscard]] QString errorString() const { return m_file.errorString(); }
    [[nodiscard]] QSizeF pageSize() const override {
        return QSizeF(m_writer->width(), m_writer->height());
    }
    QPainter& painter() override { return m_painter; }
    Result<void> newPage() override {
        if (!m_writer->newPage()) {
            return fail(ErrorCode::WriteFailed, "cannot start a new page of the plan", m_path.string());
        }
        return {};
    }
    Result<std::vector<std::filesystem::path>> finish() override {
        if (!m_painter.end()) {
            return fail(ErrorCode::WriteFailed, "cannot write the plan", m_path.string());
        }
        if (!m_file.commit()) {
            return fail(ErrorCode::WriteFailed, "cannot move the plan into place", m_path.string(),
                        m_file.errorString().toStdString());
        }
        return std::vector<std::filesystem::path>{m_path};
    }

private:
    std::filesystem::path m_path;
    QSaveFile m_file;
    std::unique_ptr<QPdfWriter> m_writer;
    QPainter m_painter;
};

/// Pages drawn at the PDF's resolution and saved scaled down to kPlanPngDpi: the first as
/// the path itself, the others numbered after it.
class PngSink final : public PageSink {
public:
    PngSink(std::filesystem::path path, PaperSize paper) : m_path(std::move(path)) {
        const QSizeF millimetres = pageSizeOf(paper).size(QPageSize::Millimeter).transposed();
        m_size = QSize(static_cast<int>(render::protocolPixels(millimetres.width())),
                       static_cast<int>(render::protocolPixels(millimetres.height())));
        start();
    }

    [[nodiscard]] QSizeF pageSize() const override { return QSizeF(m_size); }
    QPainter& painter() override { return m_painter; }
    Result<void> newPage() override {
        m_painter.end();
        m_pages.push_back(std::move(m_current));
        start();
        return {};
    }
    Result<std::vector<std::filesystem::path>> finish() override {
        m_painter.end();
        m_pages.push_back(std::move(m_current));
        std::vector<std::unique_ptr<QSaveFile>> files;
        std::vector<std::filesystem::path> paths;
        for (std::size_t i = 0; i < m_pages.size(); ++i) {
            paths.push_back(pagePath(i));
            files.push_back(std::make_unique<QSaveFile>(qs(paths.back().string())));
            const QImage scaled = m_pages[i].scaledToWidth(
                static_cast<int>(m_size.width() * kPlanPngDpi / render::kProtocolDpi),
                Qt::SmoothTransformation);
            if (!files.back()->open(QIODevice::WriteOnly) || !scaled.save(files.back().get(), "PNG")) {
                return fail(ErrorCode::WriteFailed, "cannot write the plan", paths.back().string(),
                            files.back()->errorString().toStdString());
            }
        }
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (!files[i]->commit()) {
                return fail(ErrorCode::WriteFailed, "cannot move the plan into place",
                            paths[i].string(), files[i]->errorString().toStdString());
            }
        }
        return paths;
    }

private:
    void start() {
        m_current = QImage(m_size, QImage::Format_RGB32);
        const int dotsPerMetre = static_cast<int>(std::lround(render::kProtocolDpi / 0.0254));
        m_current.setDotsPerMeterX(dotsPerMetre);
        m_current.setDotsPerMeterY(dotsPerMetre);
        m_current.fill(Qt::white);
        m_painter.begin(&m_current);
    }
    [[nodiscard]] std::filesystem::path pagePath(std::size_t page) const {
        if (page == 0) {
            return m_path;
        }
        std::filesystem::path numbered = m_path;
        numbered.replace_filename(m_path.stem().string() + "-" + std::to_string(page + 1) +
                                  m_path.extension().string());
        return numbered;
    }

    std::filesystem::path m_path;
    QSize m_size;
    QImage m_current;
    std::vector<QImage> m_pages;
    QPainter m_painter;
};

bool isPng(const std::filesystem::path& path) {
    return QString::fromStdString(path.extension().string()).compare(QStringLiteral(".png"),
                                                                      Qt::CaseInsensitive) == 0;
}

Result<PlanLayout> drawPlan(PageSink& sink, const MeasurePlan& plan, const MapScene& scene,
                            Progress& progress, const std::string& where) {
    render::PlanPages pages(sink.painter(), sink.pageSize(), plan);
    const std::vector<render::PlanPages::Block> blocks = pages.paginate();
    PlanLayout layout;
    layout.pages = blocks.back().page + 1 + (plan.followUp ? 1 : 0);
    const std::size_t steps = blocks.size() + 1;
    pages.mapPage(scene);
    int page = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        progress.update(i + 1, steps);
        if (progress.isCancelled()) {
            return fail(ErrorCode::Cancelled, "writing the plan was cancelled", where);
        }
        if (blocks[i].page != page) {
            pages.footer(page, layout.pages);
            if (auto started = sink.newPage(); !started) {
                return std::unexpected(started.error());
            }
            page = blocks[i].page;
            pages.tableStart(page == 1);
        }
        pages.block(blocks[i]);
        layout.tableRows += blocks[i].item == render::PlanPages::kTotalsBlock ? 0 : 1;
    }
    if (plan.followUp) {
        pages.footer(page, layout.pages);
        if (auto started = sink.newPage(); !started) {
            return std::unexpected(started.error());
        }
        ++page;
        pages.followUpPage();
    }
    pages.footer(page, layout.pages);
    progress.update(steps, steps);
    return layout;
}

} // namespace

Result<PlanLayout> writeMeasurePlan(const std::filesystem::path& path, const MeasurePlan& plan,
                                    const MapScene& scene, PaperSize paper, Progress& progress) {
    progress.setStage("plan");
    std::unique_ptr<PageSink> sink;
    if (isPng(path)) {
        sink = std::make_unique<PngSink>(path, paper);
    } else {
        auto pdf = std::make_unique<PdfSink>(path, plan.title, paper);
        if (!pdf->isOpen()) {
            return fail(ErrorCode::WriteFailed, "cannot write the plan", path.string(),
                        pdf->errorString().toStdString());
        }
        sink = std::move(pdf);
    }
    auto layout = drawPlan(*sink, plan, scene, progress, path.string());
    if (!layout) {
        return layout;
    }
    auto files = sink->finish();
    if (!files) {
        return std::unexpected(files.error());
    }
    layout->files = std::move(*files);
    return layout;
}

} // namespace trygg
