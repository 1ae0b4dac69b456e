#include "tryggkarta/io/database_location.h"

#include <catch2/catch.hpp>

using namespace trygg;

TEST_CASE("a database location becomes a connection string and back, the password kept apart") {
    DatabaseLocation location;
    location.host = "gis.vannas.se";
    location.port = 5433;
    location.database = "trygghet";
    location.user = "anna";
    location.password = "it's a \\secret";
    auto url = connectionString(location);
    REQUIRE(url);
    CHECK(*url == "PG:host=gis.vannas.se port=5433 dbname=trygghet user=anna "
                  "password='it\\'s a \\\\secret'");
    CHECK(withoutPassword(*url) == "PG:host=gis.vannas.se port=5433 dbname=trygghet user=anna");
    const DatabaseLocation back = parseDatabaseLocation(*url);
    CHECK(back.host == "gis.vannas.se");
    CHECK(back.port == 5433);
    CHECK(back.database == "trygghet");
    CHECK(back.user == "anna");
    CHECK(back.password.empty());

    CHECK(withoutPassword("PG:password=x host=h dbname=d") == "PG: host=h dbname=d");
    CHECK(withoutPassword("PG:host=h password=abc dbname=d") == "PG:host=h dbname=d");
    CHECK(withoutPassword("PG:host=h mypassword=abc") == "PG:host=h mypassword=abc");
    location.password.clear();
    CHECK(*connectionString(location) ==
          "PG:host=gis.vannas.se port=5433 dbname=trygghet user=anna");
}

TEST_CASE("a database location with a missing or spaced name is refused") {
    DatabaseLocation location;
    location.database = "trygg het";
    location.user = "anna";
    auto url = connectionString(location);
    REQUIRE_FALSE(url);
    CHECK(url.error().code == ErrorCode::Usage);
    CHECK(url.error().describe().find("the database") != std::string::npos);
    location.database = "trygghet";
    location.user = "";
    CHECK_FALSE(connectionString(location));
    location.user = "anna";
    location.port = 70000;
    CHECK_FALSE(connectionString(location));
    CHECK(parseDatabaseLocation("PG:dbname=x").host == "localhost");
    CHECK(parseDatabaseLocation("PG:dbname=x").port == 5432);
}
