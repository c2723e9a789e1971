import { isoWeekday, registerEnumType } from '@gongzhi/plugin-sdk';

/** The closed sets of the dining program, each a GraphQL enum. */
export enum Meal { BREAKFAST = 'BREAKFAST', LUNCH = 'LUNCH', DINNER = 'DINNER' }
export enum Weekday {
  MONDAY = 'MONDAY', TUESDAY = 'TUESDAY', WEDNESDAY = 'WEDNESDAY', THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY', SATURDAY = 'SATURDAY', SUNDAY = 'SUNDAY',
}
export enum OperatorKind { SOCIAL_ORGANIZATION = 'SOCIAL_ORGANIZATION', COMPANY = 'COMPANY' }
export enum DietTag {
  LOW_SALT = 'LOW_SALT', LOW_SUGAR = 'LOW_SUGAR', LOW_FAT = 'LOW_FAT', SOFT = 'SOFT',
  VEGETARIAN = 'VEGETARIAN', HALAL = 'HALAL', MINCED = 'MINCED',
}
export enum MenuStatus { DRAFT = 'DRAFT', PUBLISHED = 'PUBLISHED' }
export enum EnrolmentStatus { ACTIVE = 'ACTIVE', WITHDRAWN = 'WITHDRAWN' }
export enum SubsidyTier {
  AGE_80 = 'AGE_80', LOW_INCOME = 'LOW_INCOME', EXTREME_POVERTY = 'EXTREME_POVERTY',
  DISABLED = 'DISABLED', LIVING_ALONE = 'LIVING_ALONE',
}
export enum OrderMode { DINE_IN = 'DINE_IN', DELIVERY = 'DELIVERY' }
export enum OrderStatus {
  PLACED = 'PLACED', CANCELLED = 'CANCELLED', SERVED = 'SERVED',
  OUT_FOR_DELIVERY = 'OUT_FOR_DELIVERY', DELIVERED = 'DELIVERED', DELIVERY_FAILED = 'DELIVERY_FAILED',
}
export enum PlacedBy { ELDER = 'ELDER', WORKER = 'WORKER' }
export enum DelivererKind { STAFF = 'STAFF', VOLUNTEER = 'VOLUNTEER' }
export enum DeliveryFailureReason {
  NOT_AT_HOME = 'NOT_AT_HOME', NO_ANSWER = 'NO_ANSWER', REFUSED = 'REFUSED',
  WRONG_ADDRESS = 'WRONG_ADDRESS', HOSPITALISED = 'HOSPITALISED', OTHER = 'OTHER',
}
export enum OrderBoardChange { PLACED = 'PLACED', CANCELLED = 'CANCELLED', DELIVERED = 'DELIVERED', DELIVERY_FAILED = 'DELIVERY_FAILED' }

type Labels<E> = Partial<Record<keyof E, [zh: string, en: string]>>;

/** Registers a closed set as a GraphQL enum with "中文 / English" descriptions. */
function register<E extends Record<string, string>>(e: E, name: string, title: [string, string], labels: Labels<E> = {}): void {
  const valuesConfig = Object.fromEntries(
    Object.entries(labels).map(([k, v]) => [k, { description: `${(v as [string, string])[0]} / ${(v as [string, string])[1]}` }]),
  );
  registerEnumType(e, { name, description: `${title[0]} / ${title[1]}`, valuesConfig: valuesConfig as never });
}

register(Meal, 'Meal', ['餐次', 'Meal of the day'], { BREAKFAST: ['早餐', 'Breakfast'], LUNCH: ['午餐', 'Lunch'], DINNER: ['晚餐', 'Dinner'] });
register(Weekday, 'DiningWeekday', ['星期', 'Day of the week'], {
  MONDAY: ['星期一', 'Monday'], TUESDAY: ['星期二', 'Tuesday'], WEDNESDAY: ['星期三', 'Wednesday'], THURSDAY: ['星期四', 'Thursday'],
  FRIDAY: ['星期五', 'Friday'], SATURDAY: ['星期六', 'Saturday'], SUNDAY: ['星期日', 'Sunday'],
});
register(OperatorKind, 'CanteenOperatorKind', ['运营方类型', 'Kind of canteen operator'], {
  SOCIAL_ORGANIZATION: ['社会组织', 'Social organisation'], COMPANY: ['企业', 'Company'],
});
register(DietTag, 'DietTag', ['膳食标签', 'Diet tag'], {
  LOW_SALT: ['低盐', 'Low salt'], LOW_SUGAR: ['低糖', 'Low sugar'], LOW_FAT: ['低脂', 'Low fat'], SOFT: ['软烂', 'Soft'],
  VEGETARIAN: ['素食', 'Vegetarian'], HALAL: ['清真', 'Halal'], MINCED: ['细碎', 'Minced'],
});
register(MenuStatus, 'DiningMenuStatus', ['菜单状态', 'Menu status'], { DRAFT: ['草稿', 'Draft'], PUBLISHED: ['已发布', 'Published'] });
register(EnrolmentStatus, 'DiningEnrolmentStatus', ['登记状态', 'Enrolment status'], { ACTIVE: ['有效', 'Active'], WITHDRAWN: ['已退出', 'Withdrawn'] });
register(SubsidyTier, 'DiningSubsidyTier', ['补贴档次', 'Subsidy tier'], {
  AGE_80: ['80岁以上', 'Aged 80+'], LOW_INCOME: ['低保', 'Low income'], EXTREME_POVERTY: ['特困', 'Extreme poverty'],
  DISABLED: ['残疾', 'Disabled'], LIVING_ALONE: ['独居', 'Living alone'],
});
register(OrderMode, 'DiningOrderMode', ['就餐方式', 'How the meal is taken'], { DINE_IN: ['堂食', 'Dine in'], DELIVERY: ['送餐上门', 'Home delivery'] });
register(OrderStatus, 'DiningOrderStatus', ['订单状态', 'Order status'], {
  PLACED: ['已下单', 'Placed'], CANCELLED: ['已取消', 'Cancelled'], SERVED: ['已堂食出餐', 'Served in the canteen'],
  OUT_FOR_DELIVERY: ['配送中', 'Out for delivery'], DELIVERED: ['已送达', 'Delivered'], DELIVERY_FAILED: ['送餐失败', 'Delivery failed'],
});
register(PlacedBy, 'DiningPlacedBy', ['下单人', 'Who placed the order'], { ELDER: ['老人本人', 'The elder'], WORKER: ['工作人员代订', 'A worker on their behalf'] });
register(DelivererKind, 'DelivererKind', ['送餐人类型', 'Kind of deliverer'], { STAFF: ['工作人员', 'Staff'], VOLUNTEER: ['志愿者', 'Volunteer'] });
register(DeliveryFailureReason, 'DeliveryFailureReason', ['送餐失败原因', 'Why a delivery failed'], {
  NOT_AT_HOME: ['不在家', 'Not at home'], NO_ANSWER: ['无人应答', 'No answer'], REFUSED: ['拒收', 'Refused'],
  WRONG_ADDRESS: ['地址错误', 'Wrong address'], HOSPITALISED: ['住院', 'In hospital'], OTHER: ['其他', 'Other'],
});
register(OrderBoardChange, 'OrderBoardChange', ['订单看板变化', "Change on a canteen's order board"], {
  PLACED: ['新订单', 'New order'], CANCELLED: ['取消', 'Cancelled'], DELIVERED: ['已送达', 'Delivered'], DELIVERY_FAILED: ['送餐失败', 'Delivery failed'],
});

export const MEALS: Meal[] = [Meal.BREAKFAST, Meal.LUNCH, Meal.DINNER];
export const WEEKDAYS: Weekday[] = [
  Weekday.SUNDAY, Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY, Weekday.SATURDAY,
];

export const weekdayOf = (date: string): Weekday => WEEKDAYS[isoWeekday(date) % 7];
