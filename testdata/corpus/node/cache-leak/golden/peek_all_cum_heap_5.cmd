go tool pprof -peek=. -cum -nodecount=4 heap_5.pb.gz
