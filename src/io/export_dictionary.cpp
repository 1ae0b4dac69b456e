// The data dictionary of a shapefile package: datakatalog.csv maps every short field name
// to its full Swedish and English name, type, unit and value list; LASMIG.txt says the same
// in prose, in Swedish and English, for whoever opens the folder first.

#include "export_formats.h"
#include "export_photos.h"
#include "tryggkarta/io/crs_transform.h"

#include <ctime>
#include <fstream>
#include <sstream>

namespace trygg::exporting {
namespace {

namespace fs = std::filesystem;

/// One line of the dictionary: a column of one file.
struct Entry {
    std::string file;
    std::string field;
    std::string nameSv;
    std::string nameEn;
    std::string type;
    std::string unit;
    std::string values;
    std::string descriptionSv;
    std::string descriptionEn;
};

constexpr const char* kDictionaryColumns[] = {"file",    "field",          "name_sv",
                                              "name_en", "type",           "unit",
                                              "values",  "description_sv", "description_en"};

std::string typeText(const FieldColumns& columns) {
    switch (columns.valueType) {
    case OFTInteger64:
        return "heltal / integer";
    case OFTReal:
        return "decimaltal / real";
    case OFTDate:
        return "datum / date";
    default:
        break;
    }
    if (columns.field != nullptr && columns.field->type == FieldType::DateTime) {
        return "text: datum och tid enligt ISO 8601 (shapefiler saknar typ för tidpunkt) / "
               "text: date and time as ISO 8601 (shapefiles have no date-time type)";
    }
    return "text (max " + std::to_string(columns.valueWidth) + " byte)";
}

std::string valueList(const FieldDef& field, std::string_view language) {
    std::string text;
    for (const CodedValue& value : field.values) {
        text += (text.empty() ? "" : "; ") + value.code + "=" + value.label.in(language);
    }
    return text;
}

void addFieldEntries(const std::string& file, const FieldColumns& c, std::string_view language,
                     std::vector<Entry>& entries) {
    const FieldDef& f = *c.field;
    entries.push_back(Entry{file, c.valueName, f.label.sv, f.label.en, typeText(c), f.unit,
                            valueList(f, language), f.description.sv, f.description.en});
    for (std::size_t i = 0; i < c.pieceNames.size(); ++i) {
        const std::string part = std::to_string(i + 2);
        entries.push_back(
            Entry{file, c.pieceNames[i], f.label.sv + " (fortsättning, del " + part + ")",
                  f.label.en + " (continued, part " + part + ")",
                  "text (max " + std::to_string(kDbfTextBytes) + " byte)", "", "",
                  "Text längre än 254 byte är delad på teckengränser: sätt ihop " + c.valueName +
                      " och fortsättningsfälten i ordning för hela texten.",
                  "Text longer than 254 bytes is split on character boundaries: join " +
                      c.valueName + " and its continuation fields in order for the whole text."});
    }
    if (!c.labelName.empty()) {
        entries.push_back(Entry{file, c.labelName, f.label.sv + " (klartext)",
                                f.label.en + " (label)",
                                "text (max " + std::to_string(c.labelWidth) + " byte)", "", "",
                                "Klartext för koden i " + c.valueName + ".",
                                "Label of the code in " + c.valueName + "."});
    }
}

std::vector<Entry> entriesFor(const std::vector<PackageFile>& files, std::string_view language) {
    std::vector<Entry> entries;
    for (const PackageFile& file : files) {
        entries.push_back(Entry{file.name, std::string(kIdColumn), "Objekt-id i Tryggkarta",
                                "Feature id in Tryggkarta", "heltal / integer", "", "",
                                "Samma id som i projektet; exportloggen hänvisar till det.",
                                "The same id as in the project; the export log refers to it."});
        for (const FieldColumns& columns : file.columns) {
            addFieldEntries(file.name, columns, language, entries);
        }
        if (file.photoColumn) {
            entries.push_back(Entry{
                file.name, std::string(kPhotoColumn), "Foton", "Photos",
                "text (max " + std::to_string(kDbfTextBytes) + " byte)", "", "",
                "Objektets foton: filerna i mappen foton, åtskilda med semikolon, relativt "
                "shapefilen (foton/observationer_12_1.jpg). foton/foton.csv listar alla foton.",
                "The feature's photos: the files in the folder foton, separated by semicolons, "
                "relative to the shapefile (foton/observationer_12_1.jpg). foton/foton.csv lists "
                "every photo."});
        }
    }
    return entries;
}

Result<void> writeCsvDictionary(const std::vector<Entry>& entries, const fs::path& path) {
    gdal::ErrorCapture errors;
    auto created = gdal::createVectorFile("CSV", path, "cannot create the data dictionary",
                                          path.filename().string());
    if (!created) {
        return std::unexpected(created.error());
    }
    GDALDatasetUniquePtr dataset = std::move(*created);
    // A byte-order mark, so that Excel (what consultants open a CSV with) reads UTF-8.
    const char* options[] = {"WRITE_BOM=YES", nullptr};
    OGRLayer* layer =
        dataset->CreateLayer("datakatalog", nullptr, wkbNone, const_cast<char**>(options));
    for (const char* column : kDictionaryColumns) {
        OGRFieldDefn defn(column, OFTString);
        if (layer == nullptr || layer->CreateField(&defn) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot create the data dictionary",
                        path.filename().string(), errors.last());
        }
    }
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    for (const Entry& e : entries) {
        const std::string* cells[] = {&e.file,   &e.field,         &e.nameSv,
                                      &e.nameEn, &e.type,          &e.unit,
                                      &e.values, &e.descriptionSv, &e.descriptionEn};
        for (int i = 0; i < 9; ++i) {
            row->SetField(i, cells[i]->c_str());
        }
        row->SetFID(OGRNullFID);
        if (layer->CreateFeature(row.get()) != OGRERR_NONE) {
            return fail(ErrorCode::WriteFailed, "cannot write the data dictionary",
                        path.filename().string(), errors.last());
        }
    }
    return gdal::close(std::move(dataset), path);
}

std::string nowUtc() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &utc);
    return buffer;
}

std::string_view profileSwedish(PrivacyProfile profile) {
    switch (profile) {
    case PrivacyProfile::Internal:
        return "intern (allt)";
    case PrivacyProfile::Consultant:
        return "konsult (utan personuppgifter)";
    case PrivacyProfile::Public:
        return "publik (observationer som antal per hexagon, ingen fritext)";
    }
    return "";
}

void writeIntroduction(std::ostream& out, const ExportContext& context) {
    const Crs& crs = context.targetCrs;
    auto name = crsName(crs);
    out << "Tryggkarta: shapefiler / shapefiles\n"
        << "===================================\n\n"
        << "Projekt / project:            " << context.projectFile.filename().string() << '\n'
        << "Exporterad / exported:        " << nowUtc() << '\n'
        << "Integritetsprofil / profile:  " << privacyProfileName(context.options.profile) << " = "
        << profileSwedish(context.options.profile) << '\n'
        << "Koordinatsystem / CRS:        " << (name ? *name : crs.identifier()) << " ("
        << crs.identifier() << "), i varje .prj / in every .prj\n"
        << "Teckenkodning / encoding:     UTF-8 (varje .cpg säger UTF-8 / every .cpg says UTF-8)\n"
        << "Klartexter / labels:          "
        << (context.options.language == "en" ? "English" : "svenska") << "\n\n";
    out << "Svenska\n-------\n"
        << "Varje lager och geometrityp ligger i en egen shapefil, eftersom en shapefil bara "
           "rymmer\n"
        << "en geometrityp: _punkt = punkter, _linje = linjer, _yta = ytor, _tabell = utan "
           "geometri.\n"
        << "Fältnamnen är högst 10 tecken (a-z, 0-9, _) och desamma vid varje export. Kodade fält\n"
        << "finns två gånger: koden som i Tryggkarta och klartexten i fältet som slutar på _t.\n"
        << "Text längre än 254 byte (en shapefils gräns) är delad på teckengränser i\n"
        << "fortsättningsfält (t.ex. beskrivn, beskriv_2): sätt ihop dem i ordning. Datum är\n"
        << "datumfält; tidpunkter är text i ISO 8601-form (2024-10-05T21:30:00+02:00), eftersom\n"
        << "shapefiler saknar typ för datum och tid. Fullständiga namn, typer, enheter och\n"
        << "värdelistor finns i datakatalog.csv.\n\n";
    out << "English\n-------\n"
        << "Each layer and geometry type is its own shapefile, as a shapefile holds one geometry\n"
        << "type: _punkt = points, _linje = lines, _yta = polygons, _tabell = no geometry. Field\n"
        << "names have at most 10 characters (a-z, 0-9, _) and are the same in every export. "
           "Coded\n"
        << "fields come twice: the code as in Tryggkarta and its label in the field ending in _t.\n"
        << "Text longer than 254 bytes (a shapefile's limit) is split on character boundaries "
           "into\n"
        << "continuation fields (e.g. beskrivn, beskriv_2): join them in order. Dates are date\n"
        << "fields; date-times are ISO 8601 text, as shapefiles have no date-time type. Full "
           "names,\n"
        << "types, units and value lists are in datakatalog.csv.\n\n";
}

void writePhotoSection(std::ostream& out, const ExportContext& context) {
    if (context.report.photosWritten == 0) {
        return;
    }
    const bool stripped = context.options.profile != PrivacyProfile::Internal;
    out << "Foton / photos\n--------------\n"
        << "Mappen foton har " << context.report.photosWritten
        << " foton till objekten, ett per fil: <lager>_<id>_<n>.jpg (n = objektets n:te foto).\n"
        << "Fältet foton i varje shapefil listar objektets foton (foton/observationer_12_1.jpg;\n"
        << "...); foton/foton.csv listar varje foto med fil, lager, id (som fältet id), filnamn\n"
        << "och filtyp."
        << (stripped ? " Fotona saknar EXIF och annan metadata (GPS-position, kamera, tid)\n"
                       "och har vänts rätt; filnamnen de togs med är utelämnade.\n"
                     : "\n")
        << "The folder foton holds " << context.report.photosWritten
        << " photos of the features, one per file: <layer>_<id>_<n>.jpg (the feature's n-th\n"
        << "photo). The field foton of each shapefile lists the feature's photos\n"
        << "(foton/observationer_12_1.jpg; ...); foton/foton.csv lists every photo with its file,\n"
        << "layer, id (as the field id), name as taken and MIME type."
        << (stripped ? " The photos carry no EXIF or other\n"
                       "metadata (GPS position, camera, time) and are turned upright; the names "
                       "they were\ntaken with are left out.\n\n"
                     : "\n\n");
}

void writeFiles(std::ostream& out, const std::vector<PackageFile>& files,
                const std::vector<Entry>& entries) {
    out << "Filer / files\n-------------\n";
    for (const PackageFile& file : files) {
        const LayerDef& def = file.table->source;
        out << file.name << ": " << def.title.sv << " / " << def.title.en << '\n'
            << "  geometri / geometry: " << file.geometry << "; " << file.features
            << " objekt / features\n  fält / fields:\n";
        for (const Entry& e : entries) {
            if (e.file == file.name) {
                out << "    " << e.field
                    << std::string(e.field.size() < 11 ? 11 - e.field.size() : 1, ' ') << e.nameSv
                    << " / " << e.nameEn << (e.unit.empty() ? "" : " [" + e.unit + "]") << "; "
                    << e.type << '\n';
            }
        }
        out << '\n';
    }
}

Result<void> writeReadme(const std::vector<PackageFile>& files, const std::vector<Entry>& entries,
                         const fs::path& path, const ExportContext& context) {
    std::ofstream out(path, std::ios::binary);
    writeIntroduction(out, context);
    writePhotoSection(out, context);
    writeFiles(out, files, entries);
    out << "Utelämnat och ändrat / left out and changed\n"
        << "-------------------------------------------\n";
    if (context.report.log.empty()) {
        out << "(inget / nothing)\n";
    }
    for (const std::string& line : context.report.log) {
        out << "- " << line << '\n';
    }
    out.close();
    if (!out) {
        return fail(ErrorCode::WriteFailed, "cannot write the README (disk full?)",
                    path.filename().string());
    }
    return {};
}

} // namespace

Result<void> writeDataDictionary(const std::vector<PackageFile>& files, const fs::path& folder,
                                 const ExportContext& context) {
    const auto entries = entriesFor(files, context.options.language);
    if (auto ok = writeCsvDictionary(entries, folder / "datakatalog.csv"); !ok) {
        return ok;
    }
    return writeReadme(files, entries, folder / "LASMIG.txt", context);
}

} // namespace trygg::exporting
