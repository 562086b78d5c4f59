// The demo's case stories: what a station's casework in 湖里 is about (elders living alone,
// children in difficulty, disability, family conflict, assistance, mental health).
import type { RiskLevel } from '@wushe/core';

export interface DemoStory {
  type: string;
  risk: RiskLevel;
  problem: string;
  note: string;
  goals: { title: string; measure: string }[];
  services: string[];
  progress: [string, string];
  summary: string;
}

export const PROBLEMS: DemoStory[] = [
  {
    type: 'elderly',
    risk: 'high',
    problem: '独居老人，近三个月在家中跌倒两次，子女在外地，日常买菜做饭困难。',
    note: '入户评估：卫生间无扶手，地面湿滑；老人愿意接受助餐服务。',
    goals: [
      { title: '降低居家跌倒风险', measure: '完成适老化改造，三个月内无跌倒' },
      { title: '解决日常用餐', measure: '每周至少五天享受社区助餐' },
    ],
    services: ['meal', 'medical'],
    progress: ['卫生间扶手和防滑垫已安装，老人反映使用方便。', '社区食堂每周送餐六天，老人体重回升。'],
    summary: '适老化改造完成，三个月内未再跌倒；助餐服务稳定，子女每周视频探视。',
  },
  {
    type: 'children',
    risk: 'medium',
    problem: '留守儿童，父母在外务工，由祖母照顾，学习成绩下滑，与同学交往少。',
    note: '与班主任沟通：孩子上课注意力不集中，作业常未完成。',
    goals: [
      { title: '改善学业状况', measure: '每周两次课业辅导，期末主科成绩提升' },
      { title: '增强同伴交往', measure: '参加社区儿童小组活动不少于六次' },
    ],
    services: ['emotional_visit', 'counselling'],
    progress: ['志愿者每周二、四课业辅导，作业完成率明显提高。', '已参加儿童成长小组七次，结识两位好朋友。'],
    summary: '期末数学、语文成绩均有提升，能主动参与集体活动；父母每周固定与孩子视频。',
  },
  {
    type: 'disability',
    risk: 'medium',
    problem: '重度肢体残疾，长期卧床，家属照护压力大，护理知识不足。',
    note: '家属表示希望学习翻身、防压疮的方法，并申请护理补贴。',
    goals: [
      { title: '提升家属照护能力', measure: '家属掌握翻身、防压疮等基本护理技能' },
      { title: '落实残疾人补贴', measure: '两项补贴申请办结' },
    ],
    services: ['medical', 'bathing'],
    progress: ['社区医生上门示范护理两次，家属已能规范操作。', '护理补贴和生活补贴均已办结发放。'],
    summary: '家属照护能力提升，未发生压疮；两项补贴按月发放，家庭照护压力缓解。',
  },
  {
    type: 'family',
    risk: 'medium',
    problem: '夫妻关系紧张，经常争吵，影响孩子情绪，邻居多次反映。',
    note: '分别面谈夫妻双方，双方均愿意尝试改善沟通。',
    goals: [
      { title: '改善夫妻沟通', measure: '完成四次家庭会谈，争吵频次明显下降' },
      { title: '缓解孩子情绪', measure: '孩子情绪评估分数改善' },
    ],
    services: ['counselling', 'emotional_visit'],
    progress: ['已完成三次家庭会谈，双方学会冷静期沟通法。', '孩子在校情绪稳定，老师反馈积极。'],
    summary: '家庭会谈四次，夫妻冲突明显减少，孩子情绪平稳，家庭关系改善。',
  },
  {
    type: 'assistance',
    risk: 'low',
    problem: '因病致贫，医疗支出大，低保边缘家庭，不了解救助政策。',
    note: '协助整理病历和费用清单，初步判断符合临时救助条件。',
    goals: [
      { title: '申请临时救助', measure: '临时救助申请办结' },
      { title: '链接慈善资源', measure: '获得至少一项慈善帮扶' },
    ],
    services: ['medical', 'emergency'],
    progress: ['临时救助已审批，救助金到账。', '链接社区慈善基金，资助药费两千元。'],
    summary: '临时救助和慈善资助均已落实，家庭基本生活得到保障。',
  },
  {
    type: 'mental_health',
    risk: 'high',
    problem: '独居中年人，失业后情绪低落，PHQ-9 评分偏高，偶有消极念头。',
    note: '已告知家属并联系社区医生，约定每周电话随访。',
    goals: [
      { title: '稳定情绪', measure: 'PHQ-9 评分降至轻度以下' },
      { title: '重建社会支持', measure: '每月参加一次社区活动，与家属保持联系' },
    ],
    services: ['counselling', 'emotional_visit'],
    progress: ['每周心理疏导一次，已转介精神专科门诊评估。', 'PHQ-9 复评降至 7 分，已参加社区读书会。'],
    summary: '情绪趋于稳定，复评 PHQ-9 为轻度；建立了家属和邻里支持网络，转入定期随访。',
  },
];
