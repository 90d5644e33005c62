/*
 * What the demo's disputes and mediation agreements say. Each kind of dispute carries
 * the pieces a 调解协议书 needs (docs/domain.md §4) so an agreement reads as one story with the
 * dispute it settles. `a` and `b` are the parties, `place` the village, `amount` yuan.
 */

export type DisputeType =
  | 'marriage_family'
  | 'neighbours'
  | 'compensation'
  | 'labour'
  | 'property_management'
  | 'land'
  | 'forest_rights'
  | 'requisition'
  | 'other';

export interface DisputeStory {
  summary: (a: string, b: string, place: string) => string;
  matters: string;
  responsibility: (a: string, b: string) => string;
  agreement: (a: string, b: string, amount: number) => string;
  /** The usual size of a settlement, in yuan; 0 means nothing is paid. */
  amount: readonly [number, number];
}

export const DISPUTE_STORIES: Readonly<Record<DisputeType, readonly DisputeStory[]>> = {
  marriage_family: [
    {
      summary: (a, b) => `${a}与其子${b}因老人赡养费分担及轮流照料问题产生矛盾，多次争吵，${a}到村委会反映。`,
      matters: '赡养费数额、支付方式及老人日常照料的轮流安排。',
      responsibility: (_a, b) => `${b}作为子女负有法定赡养义务，此前未按约定支付赡养费，应承担主要责任。`,
      agreement: (a, b, amount) =>
        `一、${b}自本协议签订之月起每月给付${a}赡养费${amount}元；二、老人患病住院期间的医疗费用扣除报销部分后由子女平均分担；三、${b}每周至少探望老人一次。`,
      amount: [300, 800],
    },
    {
      summary: (a, b) => `${a}与${b}系夫妻，因家庭琐事及外出务工收入管理问题长期不和，近日发生争吵，一方回娘家居住。`,
      matters: '家庭收入管理、子女抚养及是否继续共同生活。',
      responsibility: () => '双方均有沟通不当之处，各自负有一定责任。',
      agreement: (a, b) =>
        `一、${a}与${b}同意和好，继续共同生活；二、家庭收入由双方共同管理，大额支出需双方协商；三、双方互相尊重，不得再有辱骂行为。`,
      amount: [0, 0],
    },
    {
      summary: (a, b) => `${a}与${b}兄弟二人因父母遗留房屋的继承分割问题发生纠纷，双方各执一词。`,
      matters: '父母遗留宅院及房屋的分割与折价补偿。',
      responsibility: () => '双方均为法定继承人，享有同等继承权，纠纷系对分割方式认识不一致所致。',
      agreement: (a, b, amount) =>
        `一、父母遗留房屋归${a}所有；二、${a}给付${b}房屋折价款${amount}元；三、双方今后不再就该房屋继承问题发生争议。`,
      amount: [20000, 60000],
    },
  ],
  neighbours: [
    {
      summary: (a, b, place) => `${place}${a}与邻居${b}因宅基地相邻处滴水及排水沟走向问题发生争执，险些引发肢体冲突。`,
      matters: '相邻房屋滴水、排水沟的位置和走向。',
      responsibility: (_a, b) => `${b}翻建房屋时未考虑相邻排水，对纠纷负主要责任；双方在争执中均有过激言语。`,
      agreement: (a, b) =>
        `一、${b}在其房屋檐下加装接水槽，雨水排入自家院内；二、双方共用排水沟由${a}、${b}共同出工疏通，维持原走向；三、双方互谅互让，和睦相处。`,
      amount: [0, 0],
    },
    {
      summary: (a, b) => `${a}家养的狗咬伤邻居${b}的小腿，双方就医疗费用承担发生纠纷。`,
      matters: '医疗费、误工费的承担。',
      responsibility: (a) => `${a}作为饲养人未尽看管义务，应承担赔偿责任。`,
      agreement: (a, b, amount) =>
        `一、${a}一次性赔偿${b}医疗费、误工费等各项费用共计${amount}元；二、${a}今后拴养犬只，不得散放。`,
      amount: [800, 3000],
    },
    {
      summary: (a, b) => `${a}与${b}因通行道路被堆放柴草、建筑材料占用问题多次口角。`,
      matters: '公共通道的占用与清理。',
      responsibility: (_a, b) => `${b}在公共通道堆放杂物，影响他人通行，应负主要责任。`,
      agreement: (a, b) =>
        `一、${b}于三日内清理堆放在通道上的柴草和建筑材料；二、该通道为公共通道，${a}、${b}均不得占用；三、双方不再追究此前的争吵。`,
      amount: [0, 0],
    },
  ],
  compensation: [
    {
      summary: (a, b) => `${a}驾驶电动三轮车与${b}骑行的自行车在村道相撞，${b}受轻伤，双方就赔偿数额协商未果。`,
      matters: '医疗费、误工费、车辆维修费的赔偿数额。',
      responsibility: (a, b) => `${a}驾车未注意观察路况，负主要责任；${b}未靠右侧通行，负次要责任。`,
      agreement: (a, b, amount) =>
        `一、${a}一次性赔偿${b}医疗费、误工费、车辆维修费等共计${amount}元；二、赔偿款付清后，双方就此事故再无其他纠葛。`,
      amount: [1500, 8000],
    },
    {
      summary: (a, b) => `${a}家的羊群进入${b}承包地啃食麦苗，${b}要求赔偿损失。`,
      matters: '青苗损失的数额。',
      responsibility: (a) => `${a}放养牲畜看管不严，应承担赔偿责任。`,
      agreement: (a, b, amount) => `一、${a}赔偿${b}青苗损失${amount}元；二、${a}今后圈养牲畜，不得进入他人承包地。`,
      amount: [300, 1500],
    },
  ],
  labour: [
    {
      summary: (a, b) => `${a}等人在${b}承包的建筑工地务工，工程结束后${b}以未收到工程款为由拖欠劳务费。`,
      matters: '拖欠劳务费的数额和支付期限。',
      responsibility: (_a, b) => `${b}作为用工方负有按时足额支付劳动报酬的义务，拖欠劳务费应承担全部责任。`,
      agreement: (a, b, amount) =>
        `一、${b}确认拖欠${a}等人劳务费共计${amount}元；二、${b}于协议签订之日起十日内付清全部劳务费。`,
      amount: [8000, 45000],
    },
    {
      summary: (a, b) => `${a}在${b}经营的养殖场打工期间受伤，双方就医疗费和误工补偿发生争议。`,
      matters: '工伤医疗费、误工费及营养费的承担。',
      responsibility: (_a, b) => `${b}未为${_a}提供必要的安全防护，应承担主要责任；${_a}操作不慎，负次要责任。`,
      agreement: (a, b, amount) =>
        `一、${b}承担${a}全部医疗费，另一次性补偿误工费、营养费${amount}元；二、双方劳务关系自本协议签订之日解除。`,
      amount: [3000, 15000],
    },
  ],
  property_management: [
    {
      summary: (a, b) => `小区业主${a}以楼道照明和电梯长期失修为由拒交物业费，物业公司负责人${b}多次催缴未果。`,
      matters: '物业服务质量与拖欠物业费的缴纳。',
      responsibility: () => '物业公司维修不及时，业主拒缴物业费亦不妥，双方均有责任。',
      agreement: (a, b, amount) =>
        `一、${b}所在物业公司于十五日内修复楼道照明并完成电梯检修；二、${a}于维修完成后补缴物业费${amount}元。`,
      amount: [600, 2400],
    },
  ],
  land: [
    {
      summary: (a, b, place) => `${place}${a}与${b}承包地相邻，因地界石被移动导致边界不清，双方为半垄地发生争执。`,
      matters: '承包地边界位置。',
      responsibility: () => '地界石移位原因无法查明，双方对边界认识不一致，均无过错。',
      agreement: (a, b) =>
        `一、以村集体土地承包台账及二轮承包合同为准，由村委会组织重新测量并埋设界桩；二、${a}、${b}按新埋界桩耕种，不得越界。`,
      amount: [0, 0],
    },
    {
      summary: (a, b) => `${a}将承包地流转给${b}种植，流转费到期未付，双方发生纠纷。`,
      matters: '土地流转费的支付。',
      responsibility: (_a, b) => `${b}未按流转合同约定支付流转费，应承担违约责任。`,
      agreement: (a, b, amount) => `一、${b}于本月底前支付${a}所欠流转费${amount}元；二、流转合同继续履行至约定期满。`,
      amount: [2000, 9000],
    },
  ],
  forest_rights: [
    {
      summary: (a, b) => `${a}与${b}因村北林地内一片杨树的权属问题发生纠纷，${b}已砍伐部分树木。`,
      matters: '林地及林木的权属与已伐林木的处理。',
      responsibility: (_a, b) => `经核对林权登记，该片林木属${_a}所有，${b}擅自砍伐应承担赔偿责任。`,
      agreement: (a, b, amount) =>
        `一、该片林地林木归${a}所有；二、${b}赔偿${a}林木损失${amount}元；三、${b}不得再进入该林地砍伐。`,
      amount: [1000, 6000],
    },
  ],
  requisition: [
    {
      summary: (a, b) => `${a}对省道改建工程征收其承包地的青苗及附着物补偿标准有异议，与施工协调人${b}发生争执。`,
      matters: '青苗及地上附着物补偿数额。',
      responsibility: () => '补偿标准依照县政府公布的标准执行，附着物清点有遗漏，经复核后予以补正。',
      agreement: (a, b, amount) =>
        `一、经乡镇征迁办复核，补正${a}遗漏的机井及树木补偿款${amount}元；二、${b}所在工程指挥部于十日内将补偿款打入${a}一卡通账户；三、${a}配合施工，不再阻挠。`,
      amount: [3000, 20000],
    },
  ],
  other: [
    {
      summary: (a, b) => `${a}借给${b}现金用于购买农机，约定一年归还，到期后${b}以收成不好为由拖延。`,
      matters: '借款的归还期限与方式。',
      responsibility: (_a, b) => `${b}未按约定归还借款，应承担还款责任。`,
      agreement: (a, b, amount) =>
        `一、${b}确认欠${a}借款${amount}元；二、${b}分两期归还，秋收后归还一半，次年春节前全部还清。`,
      amount: [5000, 30000],
    },
  ],
};

export const DISPUTE_TYPE_WEIGHTS: ReadonlyArray<readonly [DisputeType, number]> = [
  ['neighbours', 28],
  ['marriage_family', 24],
  ['land', 14],
  ['compensation', 10],
  ['labour', 8],
  ['other', 7],
  ['property_management', 3],
  ['requisition', 3],
  ['forest_rights', 3],
];
