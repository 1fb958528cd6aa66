// telegram-test-api, an independent Bot API emulator, on 127.0.0.1:PORT (argv[2] or $PORT).
const port = Number(process.argv[2] || process.env.PORT || 9000);
new (require('telegram-test-api'))({port, host: '127.0.0.1'}).start().then(() => console.log(`listening on ${port}`));
