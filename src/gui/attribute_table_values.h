#pragma once
// How the attribute table shows, edits and orders one stored value. Kept apart from the
// models so that the model, the sorting proxy and the delegate agree on one set of rules.

#include "tryggkarta/core/schema.h"
#include "tryggkarta/core/value.h"

#include <QString>
#include <QVariant>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace trygg {

/// The code a coded value is listed under ("belysning", "2"); empty for NULL.
std::string codeOf(const Value& value);

/// The text a cell shows: the label of a coded value in `language`, numbers the way the
/// language writes them with the field's unit, dates ISO, date-times "YYYY-MM-DD hh:mm".
QString cellText(const FieldDef& field, const Value& value, const std::string& language);

/// What an editor starts from: the code of a coded text field (QString), the raw number
/// (qlonglong or double), a QDate, a QDateTime (with its UTC offset when the value has one,
/// else local time), the text. NULL is an invalid QVariant.
QVariant cellEditValue(const FieldDef& field, const Value& value);

/// Reads what an editor or a caller of setData gives back, for `field`: a code or either
/// label for coded fields, numbers also with a decimal comma, QDate/QDateTime or ISO text
/// for dates. Empty input is NULL. Nothing when the input cannot be read as the field's type;
/// a well-formed value that breaks a rule (unknown code, out of range) is returned, for the
/// document to refuse with its reason.
std::optional<Value> valueFromCell(const FieldDef& field, const QVariant& input);

/// Orders two values of one field: NULL first, numbers numerically (whole and decimal
/// alike), dates chronologically (a date as the start of its day), texts by their bytes.
/// Negative, zero or positive. Coded fields and texts are ordered by the proxy, which knows
/// the language and collation.
int compareValues(const Value& a, const Value& b);

/// The number a value sorts by, in the order compareValues gives: the number itself, a date
/// or date-time as seconds since 1970 (UTC when its offset is known). Nothing for NULL and text.
std::optional<double> sortNumber(const Value& value);

/// A hash of a row's values, to tell the rows an edit, undo or redo changed from the rest. A
/// collision would only leave one row's display stale until its next change.
std::size_t valuesFingerprint(const std::vector<Value>& values);

} // namespace trygg
