#include "tryggkarta/io/photo_import.h"

#include "gdal_util.h"
#include "photo_exif.h"

#include <algorithm>
#include <atomic>
#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace trygg {
namespace {

namespace fs = std::filesystem;

struct ImageFormat {
    const char* driver;
    const char* mimeType;
    const char* extension;
};

constexpr ImageFormat kJpeg{"JPEG", "image/jpeg", ".jpg"};
constexpr ImageFormat kPng{"PNG", "image/png", ".png"};

/// Larger images are refused by withoutExif: decoded they would not fit in memory well.
constexpr std::int64_t kMaxPixels = 150'000'000;

/// By magic bytes, not by file name: a text file renamed .jpg is not a photo.
const ImageFormat* formatOf(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xD8\xFF")) {
        return &kJpeg;
    }
    if (bytes.starts_with("\x89PNG\r\n\x1A\n")) {
        return &kPng;
    }
    return nullptr;
}

/// A unique /vsimem/ name, removed again when this goes.
class MemoryPath {
public:
    explicit MemoryPath(const char* extension) {
        static std::atomic<std::uint64_t> counter{0};
        m_name = "/vsimem/tryggkarta-photo-" + std::to_string(++counter) + extension;
    }
    ~MemoryPath() { VSIUnlink(m_name.c_str()); }
    MemoryPath(const MemoryPath&) = delete;
    MemoryPath& operator=(const MemoryPath&) = delete;

    [[nodiscard]] const char* name() const { return m_name.c_str(); }

private:
    std::string m_name;
};

/// Opens image bytes with one GDAL driver through /vsimem/, without copying them; the bytes
/// must outlive the returned dataset. GDAL only reads the buffer, so handing it a
/// non-const pointer is safe.
GDALDatasetUniquePtr openImage(std::string_view bytes, const ImageFormat& format,
                               const MemoryPath& path) {
    auto* buffer = reinterpret_cast<GByte*>(const_cast<char*>(bytes.data()));
    VSILFILE* file = VSIFileFromMemBuffer(path.name(), buffer, bytes.size(), FALSE);
    if (file == nullptr) {
        return nullptr;
    }
    VSIFCloseL(file);
    const char* drivers[] = {format.driver, nullptr};
    return GDALDatasetUniquePtr(GDALDataset::Open(path.name(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                                  drivers, nullptr, nullptr));
}

/// Decodes a small version of the image (JPEG scales down while decoding, so this is quick),
/// which a damaged or truncated-to-nothing file fails.
bool decodes(GDALDataset& dataset) {
    int width = dataset.GetRasterXSize();
    int height = dataset.GetRasterYSize();
    int bands = dataset.GetRasterCount();
    if (width <= 0 || height <= 0 || bands <= 0) {
        return false;
    }
    int smallWidth = std::min(width, 64);
    int smallHeight =
        std::max(1, static_cast<int>(static_cast<std::int64_t>(height) * smallWidth / width));
    std::vector<GByte> buffer(static_cast<std::size_t>(smallWidth) * smallHeight * bands);
    return dataset.RasterIO(GF_Read, 0, 0, width, height, buffer.data(), smallWidth, smallHeight,
                            GDT_Byte, bands, nullptr, 0, 0, 0, nullptr) == CE_None;
}

/// Anything GDAL reports beyond the pixels: EXIF_* items, a JPEG comment, PNG text, XMP.
bool hasMetadata(GDALDataset& dataset) {
    CSLConstList items = dataset.GetMetadata();
    return (items != nullptr && items[0] != nullptr) || dataset.GetMetadata("xml:XMP") != nullptr;
}

/// The pixels turned upright for `orientation`, in a MEM dataset without any metadata.
Result<GDALDatasetUniquePtr> uprightCopy(GDALDataset& source, int orientation) {
    int width = source.GetRasterXSize();
    int height = source.GetRasterYSize();
    int bands = source.GetRasterCount();
    if (width <= 0 || height <= 0 || bands <= 0) {
        return fail(ErrorCode::InvalidFormat, "image without pixels");
    }
    if (static_cast<std::int64_t>(width) * height > kMaxPixels) {
        return fail(ErrorCode::InvalidFormat, "image too large to re-encode");
    }
    GDALDataType type = source.GetRasterBand(1)->GetRasterDataType();
    auto sampleSize = static_cast<std::size_t>(GDALGetDataTypeSizeBytes(type));
    std::size_t pixelSize = sampleSize * static_cast<std::size_t>(bands);
    std::vector<GByte> stored(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                              pixelSize);
    gdal::ErrorCapture errors;
    auto pixelSpace = static_cast<GSpacing>(pixelSize);
    if (source.RasterIO(GF_Read, 0, 0, width, height, stored.data(), width, height, type, bands,
                        nullptr, pixelSpace, pixelSpace * width, static_cast<GSpacing>(sampleSize),
                        nullptr) != CE_None) {
        return fail(ErrorCode::InvalidFormat, "damaged image: it cannot be decoded", {},
                    errors.last());
    }
    PhotoTurn turn = photoTurn(orientation);
    bool sideways = turn.clockwiseDegrees % 180 != 0;
    int shownWidth = sideways ? height : width;
    int shownHeight = sideways ? width : height;
    std::vector<GByte> shown;
    if (turn == PhotoTurn{}) {
        shown = std::move(stored);
    } else {
        shown.resize(stored.size());
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                PixelPosition to = shownPixel(orientation, {x, y}, width, height);
                std::memcpy(
                    &shown[(static_cast<std::size_t>(to.y) * shownWidth + to.x) * pixelSize],
                    &stored[(static_cast<std::size_t>(y) * width + x) * pixelSize], pixelSize);
            }
        }
    }
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr copy(
        memory != nullptr ? memory->Create("", shownWidth, shownHeight, bands, type, nullptr)
                          : nullptr);
    if (!copy ||
        copy->RasterIO(GF_Write, 0, 0, shownWidth, shownHeight, shown.data(), shownWidth,
                       shownHeight, type, bands, nullptr, pixelSpace, pixelSpace * shownWidth,
                       static_cast<GSpacing>(sampleSize), nullptr) != CE_None) {
        return fail(ErrorCode::WriteFailed, "cannot hold the image in memory", {}, errors.last());
    }
    for (int band = 1; band <= bands; ++band) {
        GDALRasterBand* from = source.GetRasterBand(band);
        GDALRasterBand* to = copy->GetRasterBand(band);
        to->SetColorInterpretation(from->GetColorInterpretation());
        if (const GDALColorTable* palette = from->GetColorTable()) {
            to->SetColorTable(const_cast<GDALColorTable*>(palette));
        }
    }
    return copy;
}

/// The bytes of a /vsimem/ file, which is unlinked.
std::string takeMemoryFile(const MemoryPath& path) {
    vsi_l_offset length = 0;
    GByte* buffer = VSIGetMemFileBuffer(path.name(), &length, TRUE);
    if (buffer == nullptr) {
        return {};
    }
    std::string bytes(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
    CPLFree(buffer);
    return bytes;
}

} // namespace

Result<Photo> photoFromBytes(std::string bytes, std::string fileName) {
    if (static_cast<std::int64_t>(bytes.size()) > kMaxPhotoBytes) {
        return fail(ErrorCode::InvalidFormat, "too large for a photo (over 64 MB)", fileName);
    }
    const ImageFormat* format = formatOf(bytes);
    if (format == nullptr) {
        return fail(ErrorCode::InvalidFormat,
                    "not a photo: only JPEG and PNG images can be attached", fileName);
    }
    gdal::ExifFacts facts;
    {
        // The bytes are all there is: no .aux.xml beside them to read or write.
        CPLConfigOptionSetter noSidecars("GDAL_PAM_ENABLED", "NO", false);
        gdal::ErrorCapture errors;
        MemoryPath path(format->extension);
        GDALDatasetUniquePtr dataset = openImage(bytes, *format, path);
        if (!dataset || !decodes(*dataset)) {
            return fail(ErrorCode::InvalidFormat,
                        std::string("damaged image: not a readable ") + format->driver + " file",
                        fileName, errors.last());
        }
        facts = gdal::exifFacts(dataset->GetMetadata());
    }
    Photo photo;
    photo.fileName = std::move(fileName);
    photo.mimeType = format->mimeType;
    photo.takenAt = facts.takenAt;
    photo.position = facts.position;
    photo.orientation = facts.orientation;
    photo.byteSize = static_cast<std::int64_t>(bytes.size());
    photo.data = std::make_shared<const std::string>(std::move(bytes));
    return photo;
}

Result<Photo> readPhotoFile(const fs::path& file) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    if (ec) {
        return fail(ErrorCode::OpenFailed, "cannot read file", file.string(), ec.message());
    }
    if (size > static_cast<std::uintmax_t>(kMaxPhotoBytes)) {
        return fail(ErrorCode::InvalidFormat, "too large for a photo (over 64 MB)", file.string());
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    if (!in || !(content << in.rdbuf())) {
        if (size != 0) {
            return fail(ErrorCode::OpenFailed, "cannot read file", file.string());
        }
    }
    auto photo = photoFromBytes(std::move(content).str(), file.filename().string());
    if (!photo) {
        Error error = photo.error();
        error.where = file.string();
        return std::unexpected(error);
    }
    return photo;
}

Result<std::string> withoutExif(const std::string& imageBytes) {
    const ImageFormat* format = formatOf(imageBytes);
    if (format == nullptr) {
        return fail(ErrorCode::InvalidFormat, "not a JPEG or PNG image");
    }
    CPLConfigOptionSetter noSidecars("GDAL_PAM_ENABLED", "NO", false);
    gdal::ErrorCapture errors;
    MemoryPath input(format->extension);
    GDALDatasetUniquePtr source = openImage(imageBytes, *format, input);
    if (!source) {
        return fail(ErrorCode::InvalidFormat,
                    std::string("damaged image: not a readable ") + format->driver + " file", {},
                    errors.last());
    }
    auto upright = uprightCopy(*source, gdal::exifFacts(source->GetMetadata()).orientation);
    if (!upright) {
        return std::unexpected(upright.error());
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(format->driver);
    if (driver == nullptr) {
        return fail(ErrorCode::WriteFailed,
                    std::string("GDAL has no ") + format->driver + " driver");
    }
    std::vector<std::string> options;
    if (format == &kJpeg) {
        options = {"QUALITY=90", "WRITE_EXIF_METADATA=NO"};
    }
    gdal::StringList optionList(options);
    MemoryPath output(format->extension);
    GDALDatasetUniquePtr written(driver->CreateCopy(output.name(), upright->get(), FALSE,
                                                    optionList.get(), nullptr, nullptr));
    if (!written) {
        return fail(ErrorCode::WriteFailed, "cannot encode the image", {}, errors.last());
    }
    if (auto closed = gdal::close(std::move(written), output.name()); !closed) {
        return std::unexpected(closed.error());
    }
    std::string bytes = takeMemoryFile(output);

    // The promise is "nothing but pixels": check it on what is handed out.
    MemoryPath check(format->extension);
    GDALDatasetUniquePtr reread = openImage(bytes, *format, check);
    if (!reread || !decodes(*reread)) {
        return fail(ErrorCode::WriteFailed, "the re-encoded image does not decode", {},
                    errors.last());
    }
    bool leaked = hasMetadata(*reread);
    reread.reset(); // it reads from `bytes`
    if (leaked) {
        return fail(ErrorCode::WriteFailed, "metadata remained in the re-encoded image");
    }
    return bytes;
}

} // namespace trygg
