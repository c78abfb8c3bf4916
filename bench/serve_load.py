"""Load on `dossier serve`: threads and memory with 8,000 idle sockets and
50 live-reload pages, and the answer to a 300 MB URL. Figures in BENCHMARKS.md.

    python3 bench/serve_load.py target/release/dossier SITE_FOLDER
"""
import socket, subprocess, sys, time, os, threading
binary, site = sys.argv[1], sys.argv[2]
p = subprocess.Popen([binary, "serve", "-q", "--port", "0", "--root", site], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
line = p.stdout.readline()
port = int(line.split("127.0.0.1:")[1].split("/")[0])
def threads(): return len(os.listdir(f"/proc/{p.pid}/task"))
def rss(): 
    for l in open(f"/proc/{p.pid}/status"):
        if l.startswith("VmRSS"): return int(l.split()[1])//1024
def get(host="localhost"):
    t=time.time(); s=socket.create_connection(("127.0.0.1",port)); s.settimeout(30)
    s.sendall(f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    d=s.recv(64); s.close(); return d[:12].decode(), round(time.time()-t,3)
print("idle: threads", threads(), "rss MB", rss(), "GET", get())
idle=[socket.create_connection(("127.0.0.1",port)) for _ in range(8000)]
time.sleep(1)
print("8000 idle sockets: threads", threads(), "rss MB", rss(), "GET", get())
for s in idle: s.close()
time.sleep(1)
ev=[]
for _ in range(50):
    s=socket.create_connection(("127.0.0.1",port)); s.sendall(b"GET /__dossier/events HTTP/1.1\r\nHost: localhost\r\n\r\n"); s.recv(200); ev.append(s)
print("50 live-reload clients: threads", threads())
for s in ev: s.close()
time.sleep(2)
print("after they left: threads", threads())
s=socket.create_connection(("127.0.0.1",port)); s.settimeout(30)
t=time.time(); status=None
def send():
    try:
        s.sendall(b"GET /"); chunk=b"a"*(1<<20)
        for _ in range(300): s.sendall(chunk)
    except OSError as e: pass
th=threading.Thread(target=send); th.start()
try: status=s.recv(64)[:12]
except OSError as e: status=repr(e)
th.join()
print("300 MB URL:", status, "after", round(time.time()-t,3), "s; rss MB", rss())
p.kill()
