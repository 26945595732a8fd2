module leakscope.test/liveservice

go 1.19
