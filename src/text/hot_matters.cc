#include "text/hot_matters.h"

#include <algorithm>
#include <vector>

namespace shegong::text {

namespace {

struct Matter {
  std::string_view name;
  std::vector<std::string_view> cues;
};

// Cue words are specific enough to name the problem, not merely the setting (施工 is a cue for
// construction, 小区 is a cue for nothing).
const std::vector<Matter>& matters() {
  static const std::vector<Matter> list = {
      {"餐饮油烟",
       {"油烟", "排烟", "烟道", "夜宵", "烧烤", "餐馆", "餐饮", "饭店", "大排档", "小吃摊"}},
      {"噪音扰民", {"噪音", "噪声", "扰民", "吵闹", "广场舞", "音响", "喇叭", "震动"}},
      {"施工", {"施工", "工地", "渣土", "搅拌站", "搅拌", "打桩", "塔吊"}},
      {"环境污染",
       {"污染", "粉尘", "灰尘", "扬尘", "臭味", "异味", "排污", "污水", "废气", "黑臭"}},
      {"房屋质量", {"开裂", "裂缝", "漏水", "渗水", "质量问题", "空鼓", "楼板", "墙面"}},
      {"车位停车", {"车位", "停车", "车库"}},
      {"房产销售",
       {"捆绑", "开发商", "购房", "交房", "房产证", "不动产", "网签", "售楼", "精装", "商品房"}},
      {"物业管理", {"物业", "业委会", "业主大会", "维修基金"}},
      {"水电气",
       {"停水", "停电", "水压", "自来水", "供水", "供电", "燃气", "天然气", "水费", "电费"}},
      {"入学教育", {"入学", "学位", "上学", "划片", "招生", "学区", "就读", "择校"}},
      {"实习就业", {"实习", "打工", "顶岗", "就业", "招聘"}},
      {"欠薪", {"拖欠", "工资", "欠薪", "讨薪", "薪酬"}},
      {"集资诈骗",
       {"诈骗", "集资", "车贷", "理财", "跑路", "爆雷", "暴雷", "经侦", "受害人", "p2p"}},
      {"拆迁征收", {"拆迁", "征收", "征地", "补偿", "安置", "棚改", "旧城改造", "旧改"}},
      {"交通出行",
       {"红绿灯", "公交", "地铁", "交通", "拥堵", "路灯", "人行道", "高铁", "高速", "修路"}},
      {"违章建筑", {"违建", "违章", "私搭", "乱建", "乱搭", "搭建", "加建"}},
      {"垃圾环卫", {"垃圾", "环卫", "清运", "卫生死角"}},
      {"社保医保", {"社保", "医保", "养老", "退休", "公积金", "低保"}},
      {"高压线路", {"高压", "变电站", "辐射", "基站", "电线杆"}},
      {"规划", {"规划", "公示", "调规", "容积率"}},
      {"户籍证照", {"户口", "户籍", "落户", "身份证", "办证"}},
      {"消费纠纷", {"消费者", "退款", "退费", "虚假宣传", "欺诈", "商家", "预付卡"}},
      {"医疗卫生", {"医院", "医生", "看病", "医疗", "疫苗"}},
      {"收费价格", {"乱收费", "收费", "涨价", "价格"}},
  };
  return list;
}

}  // namespace

MatterSet matters_of(std::string_view normalized) {
  MatterSet set = 0;
  const auto& list = matters();
  for (size_t m = 0; m < list.size() && m < 32; ++m)  // a MatterSet has 32 bits
    if (std::any_of(list[m].cues.begin(), list[m].cues.end(), [&](std::string_view cue) {
          return normalized.find(cue) != std::string_view::npos;
        }))
      set |= MatterSet{1} << m;
  return set;
}

std::string_view matter_name(MatterSet set) {
  const auto& list = matters();
  for (size_t m = 0; m < list.size() && m < 32; ++m)
    if (set & (MatterSet{1} << m)) return list[m].name;
  return {};
}

}  // namespace shegong::text
