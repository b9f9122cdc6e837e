#include "text/places.h"

#include <gtest/gtest.h>

namespace shegong::text {
namespace {

// "kind:key" for each place, in order.
std::vector<std::string> found(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& p : extract_places(text))
    out.push_back(std::string(place_kind_name(p.kind)) + ":" + p.key);
  return out;
}

using V = std::vector<std::string>;

TEST(Places, EstatesWithAndWithoutAnEstateWord) {
  EXPECT_EQ(found("A市A5区魅力之城小区临街门面油烟扰民"),
            (V{"division:A市", "division:A5区", "estate:魅力之城"}));
  // Both spellings of one estate meet on one key.
  EXPECT_EQ(found("丽发新城小区搅拌站"), found("丽发新城附近搅拌站"));
  EXPECT_EQ(found("景蓉华苑物业"), (V{"estate:景蓉华"}));
  // No estate word: the phase and building numbers mark it.
  EXPECT_EQ(found("A市恒大御景半岛三期6栋电梯噪音"), (V{"division:A市", "estate:恒大御景半岛"}));
}

TEST(Places, RoadsTownsVillagesSchools) {
  EXPECT_EQ(found("A3区潇楚南路洋湖段怎么还没修好"), (V{"division:A3区", "road:潇楚南路"}));
  EXPECT_EQ(found("位于A2区桂花坪街道的景蓉华苑"),
            (V{"division:A2区", "town:桂花坪街道", "estate:景蓉华"}));
  EXPECT_EQ(found("A7县春华镇金鼎村水泥路"), (V{"division:A7县", "town:春华镇", "village:金鼎村"}));
  EXPECT_EQ(found("A3区郝家坪小学什么时候能改扩建"), (V{"division:A3区", "school:郝家坪小学"}));
  EXPECT_EQ(found("反映西地省K8县某事"), (V{"division:西地省", "division:K8县"}));
  EXPECT_EQ(found("福州市仓山区的河道"), (V{"division:仓山区"}));
  // A leading word that starts with a stop character (请, 要, 对) does not leave half of itself.
  EXPECT_EQ(found("请问黄兴路公交站什么时候恢复"), (V{"road:黄兴路"}));
  EXPECT_EQ(found("要求潇楚南路尽快修好"), (V{"road:潇楚南路"}));
  EXPECT_EQ(found("对面魅力之城小区的噪音"), (V{"estate:魅力之城"}));
  // A lake's name before another marker is part of that place's name.
  EXPECT_EQ(found("经过梅溪湖路的车辆太多"), (V{"road:梅溪湖路"}));
  EXPECT_EQ(found("松雅湖公园和梅溪湖"), (V{"facility:松雅湖公园", "area:梅溪湖"}));
}

TEST(Places, CommonWordsAreNotNames) {
  EXPECT_TRUE(found("我们小区的道路坏了，该小区的马路也坏了").empty());
  EXPECT_TRUE(found("新农村建设，城中村改造，安置小区，步行街").empty());
  EXPECT_TRUE(found("第三期工程和每栋楼").empty());
}

TEST(Places, OddInputGivesAResultNotACrash) {
  EXPECT_TRUE(extract_places("").empty());
  EXPECT_TRUE(found("\xff\xfe小区\xe5").empty());
  EXPECT_EQ(found("🏠🏠魅力之城小区😡"), (V{"estate:魅力之城"}));
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "黄兴路噪音扰民。";
  EXPECT_EQ(found(huge), (V{"road:黄兴路"}));
  auto all = extract_places("A市A5区魅力之城小区");
  EXPECT_EQ(divisions(all), (V{"A市", "A5区"}));
  EXPECT_EQ(all.back().name, "魅力之城小区");
}

}  // namespace
}  // namespace shegong::text
