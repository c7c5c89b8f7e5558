#pragma once

// Real servers for the source tests and the bench: a throwaway PostgreSQL cluster and a JetStream-enabled
// nats-server, each on a free loopback port in a temporary directory, started by the test and
// stopped with it. A server binary that cannot be found fails the test: CI installs them
// (tools/install-deps.sh), and a test that passed without its server would prove nothing.

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QFile>
#include <QThread>

#include <libpq-fe.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace Chronoscope::Test {

/// A port nothing listens on now, on 127.0.0.1.
inline int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        qFatal("no free loopback port");
    ::close(fd);
    return ntohs(address.sin_port);
}

inline bool acceptsConnections(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

/// Runs a program to its end; its output on failure.
inline QString runProgram(const QString &program, const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        qFatal("%s did not finish", qPrintable(program));
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAll());
}

/// A PostgreSQL cluster of its own: initdb, pg_ctl start on a free port, password logins over
/// TCP (scram-sha-256) for the superuser `postgres` with the password `secret`.
class PostgresServer
{
public:
    static constexpr const char *kPassword = "secret";

    PostgresServer()
    {
        m_bin = binDir();
        if (m_bin.isEmpty())
            qFatal("PostgreSQL's initdb and pg_ctl were not found (pg_config --bindir, "
                   "/usr/lib/postgresql/*/bin): install postgresql-15 (tools/install-deps.sh)");
        m_port = freeLoopbackPort();
        const QString data = m_dir.filePath(QStringLiteral("data"));
        const QString pwfile = m_dir.filePath(QStringLiteral("pw"));
        QFile pw(pwfile);
        pw.open(QIODevice::WriteOnly);
        pw.write(kPassword);
        pw.close();
        if (::getuid() == 0) // initdb refuses root: the cluster belongs to postgres
            run(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres:"), m_dir.path()});
        run(m_bin + QStringLiteral("/initdb"),
            {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
             QStringLiteral("--pwfile=") + pwfile, QStringLiteral("--auth-local=trust"),
             QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--no-sync"),
             QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C")});
        start();
    }

    ~PostgresServer() { stop(false); }

    void start()
    {
        const QString data = m_dir.filePath(QStringLiteral("data"));
        run(m_bin + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), data, QStringLiteral("-w"), QStringLiteral("-t"),
             QStringLiteral("60"), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
             QStringLiteral("-o"),
             QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                     .arg(m_port)
                     .arg(m_dir.path()),
             QStringLiteral("start")});
        m_running = true;
    }

    /// `immediate`: as if the server crashed (connections cut at once).
    void stop(bool immediate)
    {
        if (!m_running)
            return;
        m_running = false;
        run(m_bin + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
             immediate ? QStringLiteral("immediate") : QStringLiteral("fast"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            /*mayFail*/ true);
    }

    int port() const { return m_port; }

    /// postgresql://postgres@127.0.0.1:PORT/DB?QUERY (no password: give PGPASSWORD).
    QString uri(const QString &database, const QString &query) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2?%3").arg(m_port).arg(database, query);
    }

    /// A writing connection for the test's own setup.
    PGconn *connect(const QString &database) const
    {
        const std::string info = QStringLiteral("host=127.0.0.1 port=%1 user=postgres password=%2 dbname=%3")
                                         .arg(m_port)
                                         .arg(QString::fromLatin1(kPassword), database)
                                         .toStdString();
        PGconn *conn = PQconnectdb(info.c_str());
        if (PQstatus(conn) != CONNECTION_OK)
            qFatal("cannot connect to the test server: %s", PQerrorMessage(conn));
        return conn;
    }

    /// Runs SQL (several statements allowed) on `database`, failing the test on an error.
    void exec(const QString &database, const QString &sql) const
    {
        PGconn *conn = connect(database);
        execOn(conn, sql);
        PQfinish(conn);
    }

    static void execOn(PGconn *conn, const QString &sql)
    {
        PGresult *result = PQexec(conn, sql.toUtf8().constData());
        const auto status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            qFatal("SQL failed: %s\n%s", PQerrorMessage(conn), qPrintable(sql.left(400)));
        PQclear(result);
    }

    /// The first column of the first row of a query.
    QString value(const QString &database, const QString &sql) const
    {
        PGconn *conn = connect(database);
        PGresult *result = PQexec(conn, sql.toUtf8().constData());
        if (PQresultStatus(result) != PGRES_TUPLES_OK)
            qFatal("SQL failed: %s", PQerrorMessage(conn));
        const QString text = QString::fromUtf8(PQgetvalue(result, 0, 0));
        PQclear(result);
        PQfinish(conn);
        return text;
    }

private:
    static QString binDir()
    {
        int code = 0;
        const QString fromConfig = runProgram(QStringLiteral("pg_config"), {QStringLiteral("--bindir")}, &code).trimmed();
        if (code == 0 && QFile::exists(fromConfig + QStringLiteral("/initdb")))
            return fromConfig;
        const QDir versions(QStringLiteral("/usr/lib/postgresql"));
        QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
        for (const QString &version : found)
            if (QFile::exists(versions.filePath(version + QStringLiteral("/bin/initdb"))))
                return versions.filePath(version + QStringLiteral("/bin"));
        return {};
    }

    void run(const QString &program, const QStringList &arguments, bool mayFail = false)
    {
        QString command = program;
        QStringList args = arguments;
        if (::getuid() == 0 && program != QLatin1String("chown")) {
            args.prepend(program);
            args.prepend(QStringLiteral("--"));
            args.prepend(QStringLiteral("postgres"));
            args.prepend(QStringLiteral("-u"));
            command = QStringLiteral("runuser");
        }
        int code = 0;
        const QString output = runProgram(command, args, &code);
        if (code != 0 && !mayFail)
            qFatal("%s failed (%d): %s", qPrintable(program), code, qPrintable(output));
    }

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    bool m_running = false;
};

/// nats-server -js on a free loopback port, its store in a temporary directory.
class NatsServer
{
public:
    NatsServer()
    {
        QString program = QStandardPaths::findExecutable(QStringLiteral("nats-server"));
        if (program.isEmpty())
            program = QStandardPaths::findExecutable(QStringLiteral("nats-server"),
                                                     {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/bin")});
        if (program.isEmpty())
            qFatal("nats-server was not found: install nats-server (tools/install-deps.sh)");
        m_port = freeLoopbackPort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(program,
                        {QStringLiteral("-js"), QStringLiteral("-a"), QStringLiteral("127.0.0.1"),
                         QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-sd"),
                         m_dir.path()});
        for (int i = 0; i < 200 && !acceptsConnections(m_port); ++i)
            QThread::msleep(50);
        if (!acceptsConnections(m_port))
            qFatal("nats-server did not start: %s", m_process.readAll().constData());
    }

    ~NatsServer()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    int port() const { return m_port; }
    QString url() const { return QStringLiteral("nats://127.0.0.1:%1").arg(m_port); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
};

} // namespace Chronoscope::Test
