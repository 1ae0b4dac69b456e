#pragma once
// Arkiv → Öppna från databas…: where the shared project's database is and who logs in.
// The server, port, database and login are remembered; the password never is.

#include "tryggkarta/io/database_location.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace trygg {

class DatabaseDialog : public QDialog {
    Q_OBJECT
public:
    explicit DatabaseDialog(QWidget* parent = nullptr);

    /// What was typed in, password included.
    [[nodiscard]] DatabaseLocation location() const;
    /// Fills in a location (a recent project), leaving the password empty.
    void setLocation(const DatabaseLocation& location);
    /// The connection string of location(); valid after the dialog was accepted.
    [[nodiscard]] const std::string& connection() const { return m_connection; }

    void accept() override;

private:
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_problem = nullptr;
    std::string m_connection;
};

} // namespace trygg
