#include "attribute_table_values.h"

#include "field_editors.h"

#include <QDate>
#include <QDateTime>
#include <charconv>
#include <chrono>
#include <functional>

namespace trygg {
namespace {

std::optional<std::int64_t> wholeNumber(const std::string& text) {
    std::int64_t number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return number;
}

QString withUnit(const QString& number, const std::string& unit) {
    if (unit.empty()) {
        return number;
    }
    // Degrees hug the number ("45°"); other units stand apart ("12,5 m").
    const QString suffix = QString::fromStdString(unit);
    return unit == "°" ? number + suffix : number + QChar(' ') + suffix;
}

/// Seconds since 1970 of a date-time, in UTC when its offset is known: two readings taken
/// in different zones still sort in the order they happened.
double instant(const DateTime& value) {
    using namespace std::chrono;
    const sys_days days{year{value.date.year} / month{static_cast<unsigned>(value.date.month)} /
                        day{static_cast<unsigned>(value.date.day)}};
    double seconds = static_cast<double>(days.time_since_epoch().count()) * 86400.0 +
                     value.hour * 3600.0 + value.minute * 60.0 + value.second;
    return seconds - value.utcOffsetMinutes.value_or(0) * 60.0;
}

template <typename T> int order(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

std::optional<double> numberOf(const Value& value) {
    if (const auto* whole = std::get_if<std::int64_t>(&value)) {
        return static_cast<double>(*whole);
    }
    if (const auto* real = std::get_if<double>(&value)) {
        return *real;
    }
    return std::nullopt;
}

std::optional<double> instantOf(const Value& value) {
    if (const auto* date = std::get_if<Date>(&value)) {
        return instant(DateTime{*date, 0, 0, 0.0, std::nullopt});
    }
    if (const auto* dateTime = std::get_if<DateTime>(&value)) {
        return instant(*dateTime);
    }
    return std::nullopt;
}

void mix(std::size_t& seed, std::size_t hash) {
    seed ^= hash + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

} // namespace

std::string codeOf(const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value)) {
        return *text;
    }
    if (const auto* whole = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*whole);
    }
    return toDisplayString(value);
}

QString cellText(const FieldDef& field, const Value& value, const std::string& language) {
    if (isNull(value)) {
        return {};
    }
    if (field.isCoded()) {
        const std::string code = codeOf(value);
        const CodedValue* coded = field.findCode(code);
        // An unknown code is shown as it is stored: the user must see it to correct it.
        return QString::fromStdString(coded != nullptr ? coded->label.in(language) : code);
    }
    if (const auto* whole = std::get_if<std::int64_t>(&value)) {
        return withUnit(QString::number(*whole), field.unit);
    }
    if (const auto* real = std::get_if<double>(&value)) {
        return withUnit(formatNumber(*real, language), field.unit);
    }
    if (const auto* date = std::get_if<Date>(&value)) {
        return QString::fromStdString(toIsoString(*date));
    }
    if (const auto* dt = std::get_if<DateTime>(&value)) {
        return QStringLiteral("%1 %2:%3")
            .arg(QString::fromStdString(toIsoString(dt->date)))
            .arg(dt->hour, 2, 10, QChar('0'))
            .arg(dt->minute, 2, 10, QChar('0'));
    }
    // One line per row: a description's line breaks would make the row grow or hide text.
    QString text = QString::fromStdString(std::get<std::string>(value));
    return text.replace(QChar('\n'), QChar(' '));
}

QVariant cellEditValue(const FieldDef& field, const Value& value) {
    if (isNull(value)) {
        return {};
    }
    if (const auto* whole = std::get_if<std::int64_t>(&value)) {
        return QVariant::fromValue(static_cast<qlonglong>(*whole));
    }
    if (const auto* real = std::get_if<double>(&value)) {
        return *real;
    }
    if (const auto* date = std::get_if<Date>(&value)) {
        return QDate(date->year, date->month, date->day);
    }
    if (const auto* dt = std::get_if<DateTime>(&value)) {
        const auto millis = static_cast<int>(dt->second * 1000.0 + 0.5);
        const QDate date(dt->date.year, dt->date.month, dt->date.day);
        const QTime time(dt->hour, dt->minute, millis / 1000, millis % 1000);
        if (dt->utcOffsetMinutes) {
            return QDateTime(date, time, Qt::OffsetFromUTC, *dt->utcOffsetMinutes * 60);
        }
        return QDateTime(date, time, Qt::LocalTime);
    }
    (void)field; // a coded text field gives its code, which is the stored text
    return QString::fromStdString(std::get<std::string>(value));
}

std::optional<Value> valueFromCell(const FieldDef& field, const QVariant& input) {
    if (!input.isValid() || input.isNull()) {
        return Value{};
    }
    const int type = input.typeId();
    const bool numeric = type == QMetaType::Int || type == QMetaType::LongLong ||
                         type == QMetaType::UInt || type == QMetaType::ULongLong ||
                         type == QMetaType::Double;
    const QString text = input.toString().trimmed();
    if (text.isEmpty() && !numeric) {
        return Value{};
    }
    if (field.isCoded()) {
        const std::string code = field.matchCode(text.toStdString()).value_or(text.toStdString());
        if (field.type == FieldType::Integer) {
            auto number = wholeNumber(code);
            return number ? std::optional<Value>(*number) : std::nullopt;
        }
        return Value{code};
    }
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Real:
        if (numeric) {
            if (field.type == FieldType::Real) {
                return Value{input.toDouble()};
            }
            bool whole = false;
            const qlonglong number = input.toLongLong(&whole);
            if (!whole ||
                (type == QMetaType::Double && static_cast<double>(number) != input.toDouble())) {
                return std::nullopt;
            }
            return Value{static_cast<std::int64_t>(number)};
        }
        return parseNumber(text, field.type);
    case FieldType::Date:
        if (type == QMetaType::QDate || type == QMetaType::QDateTime) {
            const QDate d = input.toDate();
            return d.isValid() ? std::optional<Value>(Date{d.year(), d.month(), d.day()})
                               : std::nullopt;
        }
        if (auto date = parseDate(text.toStdString())) {
            return Value{*date};
        }
        return std::nullopt;
    case FieldType::DateTime:
        if (type == QMetaType::QDateTime) {
            const QDateTime dt = input.toDateTime();
            if (!dt.isValid()) {
                return std::nullopt;
            }
            const QDate d = dt.date();
            const QTime t = dt.time();
            return Value{DateTime{Date{d.year(), d.month(), d.day()}, t.hour(), t.minute(),
                                  t.second() + t.msec() / 1000.0, dt.offsetFromUtc() / 60}};
        }
        if (auto dateTime = parseDateTime(text.toStdString())) {
            return Value{*dateTime};
        }
        return std::nullopt;
    case FieldType::Text:
        break;
    }
    return Value{input.toString().toStdString()};
}

std::optional<double> sortNumber(const Value& value) {
    if (auto number = numberOf(value)) {
        return number;
    }
    return instantOf(value);
}

int compareValues(const Value& a, const Value& b) {
    if (isNull(a) || isNull(b)) {
        return order(!isNull(a), !isNull(b));
    }
    if (const auto* x = std::get_if<std::int64_t>(&a)) {
        if (const auto* y = std::get_if<std::int64_t>(&b)) {
            return order(*x, *y); // exact beyond 2^53, where doubles are not
        }
    }
    if (auto x = numberOf(a), y = numberOf(b); x && y) {
        return order(*x, *y);
    }
    if (auto x = instantOf(a), y = instantOf(b); x && y) {
        return order(*x, *y);
    }
    if (const auto* x = std::get_if<std::string>(&a)) {
        if (const auto* y = std::get_if<std::string>(&b)) {
            return order(*x, *y);
        }
    }
    // Mixed kinds in one column only come from imported data; keep them apart, stably.
    return order(a.index(), b.index());
}

std::size_t valuesFingerprint(const std::vector<Value>& values) {
    std::size_t seed = values.size();
    for (const Value& value : values) {
        mix(seed, value.index());
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, Date>) {
                    mix(seed, std::hash<int>{}(v.year * 372 + v.month * 31 + v.day));
                } else if constexpr (std::is_same_v<T, DateTime>) {
                    mix(seed, std::hash<int>{}(v.date.year * 372 + v.date.month * 31 + v.date.day));
                    mix(seed, std::hash<double>{}(v.hour * 3600.0 + v.minute * 60.0 + v.second));
                    mix(seed, std::hash<int>{}(v.utcOffsetMinutes.value_or(-100000)));
                } else if constexpr (!std::is_same_v<T, std::monostate>) {
                    mix(seed, std::hash<T>{}(v));
                }
            },
            value);
    }
    return seed;
}

} // namespace trygg
