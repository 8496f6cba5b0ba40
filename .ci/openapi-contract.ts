// Compiled by .ci/openapi-check with the client generated from docs/openapi.json: what integrators
// rely on, as types. A line here fails to compile when the document stops saying it.
import {
    Configuration, MembersApi, PointsApi, PurchasesApi,
    type BalanceView, type MemberView, type Problem, type PurchaseOrder, type Receipt, type ReturnReceipt,
} from './typescript-fetch';

declare const receipt: Receipt;
declare const returned: ReturnReceipt;
declare const balance: BalanceView;
declare const member: MemberView;
declare const problem: Problem;

// Amounts in answers are strings ("1250.00"), never numbers.
const payable: string = receipt.payable;
const refunded: string = returned.amount;
const worth: string = balance.value;
// What an answer always carries is required; what may be null says so.
const earned: number = receipt.pointsEarned;
const guest: string | null = receipt.memberId;
const level: { code: string } | null = member.tier;
const code: string = problem.code;
// A request may give a decimal as a string or a number; what it needs is required.
const order: PurchaseOrder = {
    externalId: 'till1-000123', storeCode: 'main',
    items: [{ sku: 'HAIRCUT', quantity: 1, unitPrice: '5000.00' }, { sku: 'SHAMPOO-1', quantity: '2', unitPrice: 1500 }],
};
// Operations keep their names, and answer their types.
const config = new Configuration({ basePath: 'http://localhost:8080', accessToken: 'kp_...' });
const recorded: Promise<Receipt> = new PurchasesApi(config).recordPurchase({ purchaseOrder: order });
const quoted: Promise<Receipt> = new PurchasesApi(config).quotePurchase({ purchaseOrder: order });
const read: Promise<BalanceView> = new PointsApi(config).getBalance({ id: 'member id' });
const joined: Promise<MemberView> = new MembersApi(config).registerMember({ newMember: { phone: '8 701 123 45 67' } });

export { payable, refunded, worth, earned, guest, level, code, recorded, quoted, read, joined };
