// The region API on the real national tree, and jurisdiction scoping over it.
#include <nlohmann/json.hpp>

#include "api/e2e_fixture.h"

namespace shegong::testing {
namespace {

using Json = nlohmann::json;

class RegionsApi : public E2eTest {
 protected:
  int status(const std::string& user, const std::string& path) {
    auto r = http().Get(path.c_str(), as(user));
    return r ? r->status : -1;
  }
  Json get(const std::string& user, const std::string& path, int expected = 200) {
    auto r = http().Get(path.c_str(), as(user));
    EXPECT_TRUE(r);
    if (!r) return {};
    EXPECT_EQ(r->status, expected) << path << " " << r->body;
    return Json::parse(r->body);
  }
};

TEST_F(RegionsApi, StreetWithItsPathOfNames) {
  Json j = get("admin", "/api/v1/regions/110101001");
  EXPECT_EQ(j["name"], "东华门街道");
  EXPECT_EQ(j["level"], "street");
  EXPECT_EQ(j["code"], "110101001000");
  EXPECT_EQ(j["parent"], "110101000000");
  EXPECT_EQ(j["path_names"], "北京市 / 市辖区 / 东城区");
  ASSERT_EQ(j["path"].size(), 3u);
  EXPECT_EQ(j["path"][2]["name"], "东城区");
}

TEST_F(RegionsApi, CommunityByTwelveDigitCode) {
  Json j = get("admin", "/api/v1/regions/110101001001");
  EXPECT_EQ(j["name"], "多福巷社区居委会");
  EXPECT_EQ(j["level"], "community");
  EXPECT_EQ(j["path_names"], "北京市 / 市辖区 / 东城区 / 东华门街道");
  // The same street in its 12-digit statistical form.
  EXPECT_EQ(get("admin", "/api/v1/regions/110101001000")["name"], "东华门街道");
  EXPECT_EQ(get("admin", "/api/v1/regions/100000000000")["level"], "country");
}

TEST_F(RegionsApi, MalformedCodeIs400NamingTheFieldAndUnknownIs404) {
  for (const char* bad : {"11010100", "abc", "1101010010011", "0000"}) {
    Json j = get("admin", std::string("/api/v1/regions/") + bad, 400);
    EXPECT_EQ(j["error"]["field"], "code") << bad;
    EXPECT_EQ(j["error"]["code"], "invalid_argument");
  }
  Json j = get("admin", "/api/v1/regions/110101999", 404);
  EXPECT_EQ(j["error"]["code"], "not_found");
}

TEST_F(RegionsApi, ChildrenAndSearch) {
  Json kids = get("admin", "/api/v1/regions/110101001/children");
  ASSERT_GE(kids["items"].size(), 5u);
  EXPECT_EQ(kids["items"][0]["name"], "多福巷社区居委会");
  EXPECT_EQ(get("admin", "/api/v1/regions/100000000000/children")["items"].size(), 31u);

  Json hits =
      get("admin", "/api/v1/regions?q=%E4%B8%9C%E5%8D%8E%E9%97%A8&within=110101");  // 东华门
  ASSERT_FALSE(hits["items"].empty());
  EXPECT_EQ(hits["items"][0]["name"], "东华门街道");
  EXPECT_EQ(get("admin", "/api/v1/regions?q=x&limit=0", 400)["error"]["field"], "limit");
  EXPECT_EQ(get("admin", "/api/v1/regions", 400)["error"]["field"], "q");
  EXPECT_EQ(get("admin", "/api/v1/regions?q=a&within=12x", 400)["error"]["field"], "within");
}

// A street user of 东华门街道 (110101001) reads its own communities and the ancestors above it,
// but not a sibling street's community, nor 西城区 (110102); a district user of 东城区 (110101)
// reads every street of 东城区 but not 西城区; a district user of 西城区 reads 西城区.
TEST_F(RegionsApi, JurisdictionScopesEveryRead) {
  const std::string own_community = "/api/v1/regions/110101001001";  // 多福巷社区, 东华门街道
  const std::string sibling_community = "/api/v1/regions/110101002001";  // a community of 景山街道
  const std::string xicheng_community = "/api/v1/regions/110102001004";  // 府右街南社区, 西城区

  EXPECT_EQ(status("street", own_community), 200);
  EXPECT_EQ(status("street", "/api/v1/regions/110101"), 200);  // ancestor: where it sits
  EXPECT_EQ(status("street", sibling_community), 403);
  EXPECT_EQ(status("street", xicheng_community), 403);

  EXPECT_EQ(status("district", own_community), 200);
  EXPECT_EQ(status("district", sibling_community), 200);
  EXPECT_EQ(status("district", xicheng_community), 403);

  EXPECT_EQ(status("xicheng", xicheng_community), 200);
  EXPECT_EQ(status("xicheng", own_community), 403);

  Json denied = get("street", "/api/v1/regions/110102001004", 403);
  EXPECT_EQ(denied["error"]["code"], "permission_denied");

  // Listing the district from a street shows only the street's own branch.
  Json kids = get("street", "/api/v1/regions/110101/children");
  ASSERT_EQ(kids["items"].size(), 1u);
  EXPECT_EQ(kids["items"][0]["code"], "110101001000");
  // Search never leaves the jurisdiction.
  Json hits = get("street", "/api/v1/regions?q=%E7%A4%BE%E5%8C%BA&limit=100");  // 社区
  ASSERT_FALSE(hits["items"].empty());
  for (const auto& h : hits["items"]) {
    EXPECT_EQ(h["code"].get<std::string>().rfind("110101001", 0), 0u) << h;
  }
  EXPECT_EQ(status("street", "/api/v1/regions?q=a&within=110102"), 403);
}

}  // namespace
}  // namespace shegong::testing
