/**
 * The demo campaign's words: a campaign modelled on “大学习 走在前·千名支部书记微宣讲”.
 * People, phones and stories are invented; phone numbers use the reserved-looking 13x0000xxxx range.
 * seed.ts turns this into rows; persona openids are stable because the dev login lists them.
 */
import type { MemberRole } from './schema'

export const DEMO_CAMPAIGN = {
  name: '大学习 走在前·千名支部书记微宣讲',
  organizerName: '机关工委宣传部',
  summary:
    '围绕学习贯彻党的创新理论，组织各机关党委推荐支部书记和党员骨干开展微宣讲比赛。' +
    '每位宣讲员围绕一个宣讲重点，用 8—10 分钟讲清一个道理、讲活一个故事。' +
    '比赛分单位初赛、专家复赛和现场决赛三个阶段，并开放网络投票。'
}

/**
 * Campaign rules as stored in campaigns.rules, in the shape of src/core's CampaignRulesSchema
 * (which fills anything left out). `quotaByUnit` is added by seed.ts once unit ids exist.
 */
export const DEMO_RULES = {
  script: { maxChars: 2200, maxMinutes: 10, charsPerMinute: 220 },
  recommendation: { defaultQuota: 2, minExpected: 1 },
  rounds: [
    {
      id: 'semifinal',
      name: '复赛评审',
      stage: 'semifinal',
      weight: 40,
      rubric: [
        { id: 'content', name: '内容', max: 40 },
        { id: 'delivery', name: '表达', max: 30 },
        { id: 'image', name: '形象', max: 10 },
        { id: 'effect', name: '效果', max: 20 }
      ]
    },
    {
      id: 'final',
      name: '决赛现场',
      stage: 'final',
      weight: 60,
      rubric: [
        { id: 'content', name: '内容', max: 40 },
        { id: 'delivery', name: '表达', max: 30 },
        { id: 'image', name: '形象', max: 10 },
        { id: 'effect', name: '效果', max: 20 }
      ]
    }
  ],
  finalists: { scope: 'overall', count: 20 },
  votes: { enabled: true, perEntryPerDay: 1, dailyCap: 3, windows: [{ stage: 'semifinal' }, { stage: 'final' }], countsInFinal: false, weight: 0 },
  awards: {
    scope: 'overall',
    tiers: [
      { name: '一等奖', count: 2 },
      { name: '二等奖', count: 4 },
      { name: '三等奖', count: 6 },
      { name: '优秀奖', count: 8 }
    ]
  },
  organizationAward: { count: 5 },
  video: {
    containers: ['mp4'],
    videoCodecs: ['h264'],
    resolution: { width: 1920, height: 1080 },
    frameRate: { target: 25, tolerance: 0.5 },
    durationSec: { min: 480, max: 600 },
    requireAudio: true
  }
} as const

export interface DemoTrack {
  name: string
  summary: string
}

export const DEMO_TRACKS: readonly DemoTrack[] = [
  {
    name: '战疫密码：中国之治',
    summary: '讲述疫情防控中的制度优势和治理效能，讲好基层党组织和党员干部冲锋在前的故事。'
  },
  {
    name: '全国两会精神',
    summary: '宣传阐释全国两会精神，讲清政府工作报告中的目标任务和民生实事，讲出与本职工作的结合点。'
  }
]

export interface DemoTopic {
  /** Index into DEMO_TRACKS; null: open to every track. */
  track: number | null
  title: string
}

export const DEMO_TOPICS: readonly DemoTopic[] = [
  { track: 0, title: '集中力量办大事的制度优势' },
  { track: 0, title: '人民至上、生命至上的价值追求' },
  { track: 0, title: '基层党组织的战斗堡垒作用' },
  { track: 0, title: '科学防控与精准施策' },
  { track: 1, title: '政府工作报告中的民生实事' },
  { track: 1, title: '高质量发展与现代化产业体系' },
  { track: 1, title: '全过程人民民主的生动实践' },
  { track: null, title: '身边的共产党员故事' }
]

export interface DemoPerson {
  name: string
  phone: string
  title: string
}

export interface DemoUnit {
  /** Short code used in the secretary's openid: `demo-secretary-<code>`. */
  code: string
  name: string
  /** null → the campaign's defaultQuota. */
  quota: number | null
  branches: readonly string[]
  secretary: DemoPerson & { branch: number }
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  {
    code: 'fgw',
    name: '市发展改革委机关党委',
    quota: null,
    branches: ['综合规划处党支部', '经济运行处党支部', '价格管理处党支部'],
    secretary: { name: '张建国', phone: '13900000001', title: '综合规划处党支部书记', branch: 0 }
  },
  {
    code: 'jyj',
    name: '市教育局机关党委',
    quota: null,
    branches: ['基础教育处党支部', '高等教育处党支部'],
    secretary: { name: '李秀英', phone: '13900000002', title: '基础教育处党支部书记', branch: 0 }
  },
  {
    code: 'czj',
    name: '市财政局机关党委',
    // a smaller unit: the organizer allowed one recommendation only
    quota: 1,
    branches: ['预算处党支部', '国库处党支部', '综合处党支部'],
    secretary: { name: '王志强', phone: '13900000003', title: '综合处党支部书记', branch: 2 }
  },
  {
    code: 'wjw',
    name: '市卫生健康委机关党委',
    quota: null,
    branches: ['疾病预防控制处党支部', '医政医管处党支部', '基层卫生健康处党支部'],
    secretary: { name: '刘敏', phone: '13900000004', title: '医政医管处党支部书记', branch: 1 }
  },
  {
    code: 'jtj',
    name: '市交通运输局机关党委',
    quota: null,
    branches: ['综合运输处党支部', '公路管理处党支部'],
    secretary: { name: '陈立新', phone: '13900000005', title: '综合运输处党支部书记', branch: 0 }
  },
  {
    code: 'rsj',
    name: '市人力资源社会保障局机关党委',
    quota: null,
    branches: ['就业促进处党支部', '社会保险处党支部'],
    secretary: { name: '杨丽华', phone: '13900000006', title: '就业促进处党支部书记', branch: 0 }
  }
]

export type DemoEntryStatus = 'draft' | 'pending' | 'endorsed' | 'returned' | 'submitted' | 'recommended'

export interface DemoSpeaker {
  /** `demo-speaker-<no>` */
  no: string
  unit: string
  branch: number
  name: string
  gender: '男' | '女'
  politicalStatus: string
  position: string
  education: string
  phone: string
  track: number
  /** Index into DEMO_TOPICS. */
  topic: number
  title: string
  /** 简要内容或讲稿提纲 */
  summary: string
  status: DemoEntryStatus
  returnReason?: string
  /** A saved script (it passed the content check). */
  script?: string
  /** Seconds of the uploaded video, for submitted and recommended entries. */
  videoSeconds?: number
}

export const DEMO_SPEAKERS: readonly DemoSpeaker[] = [
  {
    no: '01',
    unit: 'fgw',
    branch: 0,
    name: '陈思远',
    gender: '男',
    politicalStatus: '中共党员',
    position: '综合规划处副处长',
    education: '研究生',
    phone: '13800000001',
    track: 0,
    topic: 0,
    title: '十天建成一座医院背后的中国力量',
    summary:
      '以火神山医院建设为切口，讲述全国一盘棋、集中力量办大事的制度优势，' +
      '结合发展改革部门协调重点物资保障的亲身经历，阐释中国之治的密码。',
    status: 'recommended',
    videoSeconds: 545,
    script: [
      '同志们，大家好！我今天宣讲的题目是《十天建成一座医院背后的中国力量》。',
      '2020年初，面对突如其来的新冠肺炎疫情，武汉火神山医院从设计到交付只用了十天。千万网友在屏幕前当起了“云监工”，看着一排排板房拔地而起。有人问：这样的速度从哪里来？',
      '答案就在我们的制度里。一声令下，各地设计院连夜出图，建材企业加班生产，物流车辆昼夜兼程。那段时间，我们处里也接到了重点物资保障的任务，大家守在电话旁，一家企业一家企业地协调口罩、防护服的原料和运力。凌晨两点，一位企业负责人在电话里说：“只要国家需要，我们马上复工。”那一刻，我真切感受到了“全国一盘棋”的分量。',
      '集中力量办大事，不是一句口号，而是党的领导这一最大优势在关键时刻的集中体现。作为发展改革部门的一名党员，我将把这份感动化作干劲，在本职岗位上守初心、担使命。谢谢大家！'
    ].join('\n')
  },
  {
    no: '02',
    unit: 'fgw',
    branch: 1,
    name: '林晓雯',
    gender: '女',
    politicalStatus: '中共党员',
    position: '经济运行处四级主任科员',
    education: '大学本科',
    phone: '13800000002',
    track: 1,
    topic: 5,
    title: '数字里的高质量发展',
    summary:
      '从政府工作报告中的几组目标数字讲起，结合走访制造企业数字化改造的见闻，' +
      '讲清高质量发展的内涵，以及经济运行部门如何把目标转化为工作清单。',
    status: 'submitted',
    videoSeconds: 566,
    script: [
      '各位领导、同事们：',
      '今年的政府工作报告里有一组数字让我印象深刻：国内生产总值增长5%左右，城镇新增就业1200万人以上。在经济运行处工作，我每天都和数字打交道，但这一次，我读出了数字背后的温度。',
      '5%不只是一个速度指标，它背后是稳就业、保民生的底线，是推动产业向中高端迈进的决心。去年我们走访了全市四十多家制造企业，看到传统车间装上了工业互联网，老厂房里走出了新产品。一位老工人对我说：“以前拼的是力气，现在拼的是技术。”这就是高质量发展最朴素的注脚。',
      '学习两会精神，就要把报告里的目标转化为手中的清单。我们将继续盯紧重点项目、重点企业，让每一个数字都落地有声。谢谢大家！'
    ].join('\n')
  },
  {
    no: '03',
    unit: 'fgw',
    branch: 2,
    name: '郭子豪',
    gender: '男',
    politicalStatus: '共青团员',
    position: '价格管理处科员',
    education: '研究生',
    phone: '13800000003',
    track: 1,
    topic: 4,
    title: '菜篮子里的民生温度',
    summary: '通过价格监测员眼中的菜市场，讲述保供稳价政策如何守护群众的“菜篮子”。',
    status: 'draft'
  },
  {
    no: '04',
    unit: 'jyj',
    branch: 0,
    name: '徐静怡',
    gender: '女',
    politicalStatus: '中共党员',
    position: '基础教育处副处长',
    education: '研究生',
    phone: '13800000004',
    track: 1,
    topic: 6,
    title: '一份建议改变了一所乡村学校',
    summary:
      '讲述一条人大代表建议从提出、交办到落实的全过程，' +
      '以乡村学校食堂改造为例，展现全过程人民民主在教育领域的生动实践。',
    status: 'recommended',
    videoSeconds: 512,
    script: [
      '大家好！我想和大家分享一份建议的故事。',
      '去年，一位来自乡村学校的人大代表，把孩子们“午餐吃不上热饭”的问题写进了建议。建议交办到我们处以后，我们跑了十几所学校，算清了每一笔账。半年后，全市乡村学校食堂改造全部完成，孩子们端上了热腾腾的饭菜。',
      '什么是全过程人民民主？我想，就是老百姓的“小事”，能够通过制度化的渠道变成政府的“大事”；就是每一条意见都有回音，每一项承诺都有落实。',
      '作为教育工作者，我们要把群众的期盼写进工作台账，把人民民主落实在一餐一饭、一课一桌之间。谢谢大家！'
    ].join('\n')
  },
  {
    no: '05',
    unit: 'jyj',
    branch: 1,
    name: '马俊杰',
    gender: '男',
    politicalStatus: '中共党员',
    position: '高等教育处一级主任科员',
    education: '大学本科',
    phone: '13800000005',
    track: 0,
    topic: 2,
    title: '校园防疫一线的党员先锋岗',
    summary: '记录高校封闭管理期间党员先锋岗值守、保障学生生活和学业的日日夜夜。',
    status: 'pending'
  },
  {
    no: '06',
    unit: 'czj',
    branch: 0,
    name: '胡雅琴',
    gender: '女',
    politicalStatus: '中共党员',
    position: '预算处副处长',
    education: '研究生',
    phone: '13800000006',
    track: 0,
    topic: 1,
    title: '账本里的人民至上',
    summary:
      '从疫情期间防疫资金快速拨付的经历讲起，讲述“患者救治费用由财政兜底”背后的坚守，' +
      '阐释人民至上、生命至上的价值追求。',
    status: 'submitted',
    videoSeconds: 578,
    script: [
      '同志们：',
      '疫情最吃紧的时候，我们预算处的灯常常亮到深夜。一笔笔防疫资金，从申请到拨付，最快的一笔只用了不到两个小时。有人说财政人只会算账，可那段时间，我们算的是“生命账”。',
      '“患者救治费用由财政兜底”，这句话写在文件里只有十几个字，落到账本上却是一笔笔实打实的投入。我们宁可自己多跑几趟、多熬几夜，也不让一个病人因为费用问题得不到救治。',
      '人民至上、生命至上，是我们党的执政理念，也是每一名财政干部的价值坐标。把钱用在刀刃上，把百姓放在心坎上，这就是我们的答案。谢谢大家！'
    ].join('\n')
  },
  {
    no: '07',
    unit: 'czj',
    branch: 1,
    name: '曹伟',
    gender: '男',
    politicalStatus: '中共党员',
    position: '国库处科员',
    education: '大学本科',
    phone: '13800000007',
    track: 1,
    topic: 4,
    title: '减税降费的温度',
    summary: '讲讲减税降费政策。',
    status: 'returned',
    returnReason: '简要内容过于简短，请补充宣讲的主要观点和身边事例后重新提交。'
  },
  {
    no: '08',
    unit: 'wjw',
    branch: 0,
    name: '邓佳',
    gender: '女',
    politicalStatus: '中共党员',
    position: '疾病预防控制处四级调研员',
    education: '研究生',
    phone: '13800000008',
    track: 0,
    topic: 3,
    title: '流调员的一天',
    summary: '以一名流调员的一天为线索，讲述精准流调、科学防控背后的专业与坚守。',
    status: 'endorsed',
    script: [
      '大家好，我是一名流调员。疫情期间，我的一天常常从凌晨的一通电话开始……',
      '精准流调，争分夺秒。每一条轨迹背后，都是对群众生命健康的守护。（待补充具体事例）'
    ].join('\n')
  },
  {
    no: '09',
    unit: 'wjw',
    branch: 2,
    name: '韩志鹏',
    gender: '男',
    politicalStatus: '中共党员',
    position: '基层卫生健康处副处长',
    education: '大学本科',
    phone: '13800000009',
    track: 0,
    topic: 2,
    title: '村卫生室里的红色堡垒',
    summary:
      '讲述下沉偏远村庄期间，村党支部带领党员和村医守护两千多名村民的故事，' +
      '展现基层党组织的战斗堡垒作用。',
    status: 'submitted',
    videoSeconds: 596,
    script: [
      '各位同事：',
      '我曾在疫情期间下沉到一个偏远村庄。村里只有一间卫生室、一名村医，却守着两千多名村民。村党支部书记带着党员挨家挨户排查，村医背着药箱上门巡诊，党员志愿者在村口的卡点一守就是几十天。',
      '那段日子让我明白，基层党组织就是群众身边最可靠的堡垒。哪里有困难，哪里就有党员的身影；哪里有群众，哪里就有党组织的温暖。',
      '今天，我们要把战疫中锤炼出的组织力转化为推进健康乡村建设的执行力，让每一间村卫生室都成为守护群众健康的红色阵地。谢谢大家！'
    ].join('\n')
  },
  {
    no: '10',
    unit: 'jtj',
    branch: 0,
    name: '彭晓东',
    gender: '男',
    politicalStatus: '中共党员',
    position: '综合运输处一级主任科员',
    education: '大学本科',
    phone: '13800000010',
    track: 0,
    topic: 7,
    title: '生命通道上的逆行车队',
    summary: '讲述应急物资运输车队党员司机昼夜兼程、打通生命通道的故事。',
    status: 'endorsed'
  },
  {
    no: '11',
    unit: 'jtj',
    branch: 1,
    name: '蒋梦瑶',
    gender: '女',
    politicalStatus: '中共预备党员',
    position: '公路管理处科员',
    education: '研究生',
    phone: '13800000011',
    track: 1,
    topic: 5,
    title: '一条路带富一方人',
    summary: '以一条农村公路的变化为例，讲述交通先行助力乡村振兴和高质量发展。',
    status: 'pending'
  },
  {
    no: '12',
    unit: 'rsj',
    branch: 0,
    name: '谢文博',
    gender: '男',
    politicalStatus: '中共党员',
    position: '就业促进处副处长',
    education: '研究生',
    phone: '13800000012',
    track: 1,
    topic: 4,
    title: '稳就业就是稳民心',
    summary: '结合政府工作报告中的就业目标，讲述高校毕业生和农民工就业服务中的一线故事。',
    status: 'draft'
  }
]

export const DEMO_JUDGES: readonly DemoPerson[] = [
  { name: '周明华', phone: '13700000001', title: '市委党校马克思主义理论教研部教授' },
  { name: '吴晓燕', phone: '13700000002', title: '市广播电视台主任播音员' },
  { name: '郑宏伟', phone: '13700000003', title: '市社会科学院研究员' },
  { name: '孙丽', phone: '13700000004', title: '市委讲师团副团长' },
  { name: '黄志刚', phone: '13700000005', title: '市传媒学院播音主持系副教授' }
]

export const DEMO_ORGANIZER: DemoPerson = { name: '赵慧敏', phone: '13600000001', title: '机关工委宣传部副部长' }

export const DEMO_AUDIENCE: readonly string[] = ['钱小雨', '冯磊', '何佳琪']

export const demoOpenid = {
  organizer: 'demo-organizer',
  secretary: (unitCode: string) => `demo-secretary-${unitCode}`,
  speaker: (no: string) => `demo-speaker-${no}`,
  judge: (n: number) => `demo-judge-${n}`,
  audience: (n: number) => `demo-audience-${n}`
} as const

/** Order of personas on the dev login page. */
export const ROLE_ORDER: readonly MemberRole[] = ['organizer', 'secretary', 'speaker', 'judge', 'audience']
