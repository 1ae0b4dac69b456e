#include "database_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace trygg {
namespace {

const QString kHostKey = QStringLiteral("database/host");
const QString kPortKey = QStringLiteral("database/port");
const QString kNameKey = QStringLiteral("database/name");
const QString kUserKey = QStringLiteral("database/user");

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

DatabaseDialog::DatabaseDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Öppna från databas"));
    auto* intro = new QLabel(
        tr("Ett gemensamt projekt i en PostgreSQL-databas med PostGIS, som kommunen, polisen och "
           "andra arbetar i samtidigt. Fråga den som har hand om databasen efter uppgifterna."),
        this);
    intro->setWordWrap(true);
    m_host = new QLineEdit(this);
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setGroupSeparatorShown(false);
    m_database = new QLineEdit(this);
    m_user = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Lösenordet sparas inte."));
    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Databas:"), m_database);
    form->addRow(tr("&Användare:"), m_user);
    form->addRow(tr("&Lösenord:"), m_password);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Öppna"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Avbryt"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DatabaseDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    const QSettings settings;
    DatabaseLocation remembered;
    remembered.host = settings.value(kHostKey, fromStd(remembered.host)).toString().toStdString();
    remembered.port = settings.value(kPortKey, remembered.port).toInt();
    remembered.database = settings.value(kNameKey).toString().toStdString();
    remembered.user =
        settings.value(kUserKey, qEnvironmentVariable("USER")).toString().toStdString();
    setLocation(remembered);
}

DatabaseLocation DatabaseDialog::location() const {
    DatabaseLocation location;
    location.host = m_host->text().trimmed().toStdString();
    location.port = m_port->value();
    location.database = m_database->text().trimmed().toStdString();
    location.user = m_user->text().trimmed().toStdString();
    location.password = m_password->text().toStdString();
    return location;
}

void DatabaseDialog::setLocation(const DatabaseLocation& location) {
    m_host->setText(fromStd(location.host));
    m_port->setValue(location.port);
    m_database->setText(fromStd(location.database));
    m_user->setText(fromStd(location.user));
    m_password->clear();
    (location.database.empty() ? m_database : m_password)->setFocus();
}

void DatabaseDialog::accept() {
    const DatabaseLocation typed = location();
    auto connection = connectionString(typed);
    if (!connection) {
        // Focus goes to the first name libpq could not read back (see connectionString).
        const QRegularExpression unreadable(QStringLiteral("^$|[\\s'\"\\\\]"));
        QLineEdit* field = m_user;
        for (QLineEdit* name : {m_host, m_database, m_user}) {
            if (unreadable.match(name->text().trimmed()).hasMatch()) {
                field = name;
                break;
            }
        }
        m_problem->setText(tr("Fyll i server, databas och användare, utan mellanslag eller "
                              "citattecken."));
        m_problem->show();
        field->setFocus();
        return;
    }
    m_connection = std::move(*connection);
    QSettings settings;
    settings.setValue(kHostKey, fromStd(typed.host));
    settings.setValue(kPortKey, typed.port);
    settings.setValue(kNameKey, fromStd(typed.database));
    settings.setValue(kUserKey, fromStd(typed.user));
    QDialog::accept();
}

} // namespace trygg
