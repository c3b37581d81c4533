// Reads one tenant's records from the lifecycle topic with clients Tenantry did not write: kafkajs, and the CloudEvents
// JavaScript SDK's Kafka binding with strict validation. Prints "record <JSON>" per record of that tenant, in the order
// the partition holds them, then exits; exits 2 when fewer than <count> arrive within 60 s.
// usage: node check.mjs <bootstrap servers> <topic> <tenant id> <count>
import { Kafka as KafkaJs, logLevel } from 'kafkajs';
import { Kafka, CloudEvent } from 'cloudevents';

const [brokers, topic, tenantId, countText] = process.argv.slice(2);
const count = Number(countText);
const kafka = new KafkaJs({ clientId: 'lifecycle-check', brokers: brokers.split(','), logLevel: logLevel.ERROR });
const consumer = kafka.consumer({ groupId: `lifecycle-check-${Date.now()}-${Math.random()}` });
const lines = [];

let finish;
const done = new Promise((resolve) => {
    finish = resolve;
});

await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({
    eachMessage: async ({ message }) => {
        const key = message.key ? message.key.toString() : null;
        if (key !== tenantId) {
            return;
        }
        const headers = {};
        for (const [name, value] of Object.entries(message.headers || {})) {
            headers[name] = value === undefined || value === null ? value : value.toString();
        }
        const line = { key, contentType: headers['content-type'] };
        try {
            const received = Kafka.toEvent({ headers, key, value: message.value, body: message.value });
            const event = new CloudEvent({ ...received }, true); // strict: throws on an invalid CloudEvent
            Object.assign(line, {
                valid: event.validate(),
                specversion: event.specversion,
                id: event.id,
                type: event.type,
                subject: event.subject,
                tenantversion: event.tenantversion,
            });
        } catch (error) {
            Object.assign(line, { valid: false, error: String(error && error.message ? error.message : error) });
        }
        lines.push(line);
        if (lines.length >= count) {
            finish();
        }
    },
});
const timeout = new Promise((resolve) => setTimeout(resolve, 60000));
await Promise.race([done, timeout]);
await consumer.disconnect();
for (const line of lines) {
    console.log(`record ${JSON.stringify(line)}`);
}
process.exit(lines.length >= count ? 0 : 2);
