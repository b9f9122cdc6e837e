#include "base/mask.h"

#include <gtest/gtest.h>

namespace shegong {
namespace {

TEST(MaskPersonalDetails, TheDoorOfAnAddressIsMaskedAndThePlaceKept) {
  EXPECT_EQ(mask_personal_details("我住在枫林绿洲3号楼2单元501室，楼下噪音大"),
            "我住在枫林绿洲*号楼*单元***室，楼下噪音大");
  EXPECT_EQ(mask_personal_details("幸福里小区5栋1202"), "幸福里小区*栋****");
  EXPECT_EQ(mask_personal_details("阳光大厦A座1806号房"), "阳光大厦A座****号房");
  EXPECT_EQ(mask_personal_details("和平里3-2-501门口"), "和平里*-*-***门口");
  EXPECT_EQ(mask_personal_details("12幢"), "**幢");
  EXPECT_EQ(mask_personal_details("写字楼B座1202"), "写字楼B座****");
  // Full-width digits, as a phone keyboard may give them.
  EXPECT_EQ(mask_personal_details("３号楼２单元５０１室"), "*号楼*单元***室");
  EXPECT_EQ(mask_personal_details("３－２－５０１"), "*－*－***");
}

TEST(MaskPersonalDetails, NumbersThatAreNotADoorStay) {
  for (const char* text : {"拨打12345热线", "地铁10号线", "2025年3月", "约100户居民",
                           "东四十条10号", "3-4天", "限速60公里", "1-2层", "2025-03-10停水",
                           "2025-3-10", "大楼10层", "楼2023年建成", "一座10米高的桥", "１０号线"}) {
    EXPECT_EQ(mask_personal_details(text), text);
  }
}

TEST(MaskPersonalDetails, ANameGivenAfterACueKeepsOnlyItsSurname) {
  EXPECT_EQ(mask_personal_details("您好，我叫张三丰，住在和平里"), "您好，我叫张**，住在和平里");
  EXPECT_EQ(mask_personal_details("联系人：李四，电话另告"), "联系人：李*，电话另告");
  EXPECT_EQ(mask_personal_details("联系人:欧阳娜娜"), "联系人:欧阳**");
  EXPECT_EQ(mask_personal_details("姓名为王五"), "姓名为王*");
  // No common surname after the cue: a verb, not a name.
  EXPECT_EQ(mask_personal_details("我叫了物业三次"), "我叫了物业三次");
  EXPECT_EQ(mask_personal_details("联系人电话打不通"), "联系人电话打不通");
  // Both in one text, and nothing else touched.
  EXPECT_EQ(mask_personal_details("我叫刘备，住6号楼"), "我叫刘*，住*号楼");
  EXPECT_EQ(mask_personal_details(""), "");
  EXPECT_EQ(mask_personal_details("路灯不亮"), "路灯不亮");
}

}  // namespace
}  // namespace shegong
